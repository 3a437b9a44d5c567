package vn.bluezone.server.campaign.radio;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.bluezone.server.campaign.print.AdministrativeForm;
import vn.bluezone.server.campaign.print.PdfRenderer;
import vn.bluezone.server.console.Formats;

/**
 * The sheet an announcer reads from: the day's broadcasts in time order with their scripts, and a line to note
 * when each was aired. As plain text (prints anywhere, pastes into a message) and as an A4 PDF in the commune's
 * administrative document form (templates/print/announcer-sheet.html); texts from the message bundles.
 */
@Component
public class AnnouncerSheet {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Locale VI = PdfRenderer.VIETNAMESE;

    private final PdfRenderer renderer;

    @Autowired
    public AnnouncerSheet(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    /** Outside Spring (unit tests). */
    public AnnouncerSheet() {
        this(PdfRenderer.standalone());
    }

    public String text(String communeName, LocalDate day, List<ScheduledAnnouncement> items) {
        StringBuilder s = new StringBuilder();
        s.append(renderer.message("print.sheet.heading", VI, communeName)).append('\n');
        s.append(longDate(day)).append("\n\n");
        if (items.isEmpty()) {
            s.append(renderer.message("print.sheet.empty", VI)).append('\n');
        }
        int n = 1;
        for (ScheduledAnnouncement a : items) {
            s.append(n++).append(". ").append(heading(a)).append('\n');
            s.append(a.ready() ? a.script() : renderer.message("print.sheet.unreadable", VI, problem(a))).append('\n');
            s.append(renderer.message(a.aired() ? "print.sheet.text.aired" : "print.sheet.text.toAir", VI))
                    .append("\n\n");
        }
        return s.toString();
    }

    public byte[] pdf(String communeName, LocalDate day, List<ScheduledAnnouncement> items) {
        AdministrativeForm form = AdministrativeForm.ofUnit(renderer, VI, communeName, communeName,
                "print.sheet.number", day, List.of("print.recipient.radio"));
        List<Item> rows = items.stream().map(a -> new Item(heading(a), a.ready(), a.script(), problem(a), a.aired()))
                .toList();
        return renderer.pdf("announcer-sheet", Map.of("form", form, "commune", communeName, "longDate",
                longDate(day), "items", rows), VI).bytes();
    }

    /** One broadcast as the template shows it. */
    public record Item(String heading, boolean ready, String script, String problem, boolean aired) {
    }

    private String longDate(LocalDate day) {
        return renderer.message("print.date.long", VI,
                renderer.message("campaign.weekday." + day.getDayOfWeek().getValue(), VI), Formats.format(day));
    }

    /** The reason a script cannot be read, in Vietnamese from the bundle (the service's own words are English). */
    private String problem(ScheduledAnnouncement a) {
        String key = a.problemCode() == null ? "campaign.radio.figuresMissing" : "campaign.error." + a.problemCode();
        return renderer.message(key, VI);
    }

    private static String heading(ScheduledAnnouncement a) {
        return HH_MM.format(a.slot().airTime()) + " · " + a.slot().location() + " · " + a.templateTitle() + " ("
                + a.subjectName() + ")";
    }
}
