package vn.bluezone.server.campaign.radio;

import java.awt.Color;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.bluezone.server.campaign.print.FlowDocument;
import vn.bluezone.server.campaign.print.PageWriter;
import vn.bluezone.server.campaign.print.PageWriter.Align;
import vn.bluezone.server.campaign.print.VietnameseDates;

/**
 * The sheet an announcer reads from: the day's broadcasts in time order with their scripts, and a line to note
 * when each was aired. As plain text (prints anywhere, pastes into a message) and as an A4 PDF.
 */
@Component
public class AnnouncerSheet {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public String text(String communeName, LocalDate day, List<ScheduledAnnouncement> items) {
        StringBuilder s = new StringBuilder();
        s.append("LỊCH PHÁT THANH – ").append(communeName).append('\n');
        s.append(VietnameseDates.longDate(day)).append("\n\n");
        if (items.isEmpty()) {
            s.append("Không có bài phát thanh nào theo lịch trong ngày này.\n");
        }
        int n = 1;
        for (ScheduledAnnouncement a : items) {
            s.append(n++).append(". ").append(heading(a)).append('\n');
            if (a.ready()) {
                s.append(a.script()).append('\n');
            } else {
                s.append("CHƯA ĐỌC ĐƯỢC: ").append(a.problem()).append('\n');
            }
            s.append(a.aired() ? "[x] Đã phát\n\n" : "[ ] Đã phát lúc: ______  Người đọc: ______________\n\n");
        }
        return s.toString();
    }

    public byte[] pdf(String communeName, LocalDate day, List<ScheduledAnnouncement> items) {
        try (FlowDocument doc = new FlowDocument("Lịch phát thanh – " + communeName, 50)) {
            PageWriter p = doc.page();
            p.paragraph("LỊCH PHÁT THANH – " + communeName, doc.fonts().bold(), 16);
            p.paragraph(VietnameseDates.longDate(day), doc.fonts().regular(), 12);
            p.down(10);
            if (items.isEmpty()) {
                p.paragraph("Không có bài phát thanh nào theo lịch trong ngày này.", doc.fonts().regular(), 12);
            }
            int n = 1;
            for (ScheduledAnnouncement a : items) {
                String body = a.ready() ? a.script() : "CHƯA ĐỌC ĐƯỢC: " + a.problem();
                float need = p.measure(body, doc.fonts().regular(), 13, p.textWidth()) + 60;
                p = doc.room(Math.min(need, 300));
                p.paragraph(n++ + ". " + heading(a), doc.fonts().bold(), 12.5f);
                p.down(3);
                p.paragraph(body, doc.fonts().regular(), 13, a.ready() ? Color.BLACK : Color.RED.darker(),
                        p.margin(), p.textWidth(), Align.LEFT);
                p.down(3);
                p.paragraph(a.aired() ? "☑ Đã phát" : "☐ Đã phát lúc: ________   Người đọc: ____________________",
                        doc.fonts().regular(), 10.5f);
                p.down(12);
            }
            return doc.toBytes();
        }
    }

    private static String heading(ScheduledAnnouncement a) {
        return HH_MM.format(a.slot().airTime()) + " · " + a.slot().location() + " · " + a.templateTitle() + " ("
                + a.subjectName() + ")";
    }
}
