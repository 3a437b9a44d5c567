package vn.bluezone.server.campaign.directive;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;
import vn.bluezone.server.campaign.print.PageWriter;
import vn.bluezone.server.campaign.print.PageWriter.Align;
import vn.bluezone.server.campaign.print.PdfFonts;
import vn.bluezone.server.campaign.print.TextLines;
import vn.bluezone.server.campaign.print.VietnameseDates;

/**
 * The one-page progress report of a directive, for a steering-committee meeting: header, summary, and a table of
 * tasks with body, deadline, progress and status, overdue rows in red. It always fits one A4 page: the font
 * shrinks, then the latest notes are left out, then the last rows are summarised in one line.
 */
@Component
public class DirectiveReport {
    private static final float MARGIN = 36;
    private final java.time.ZoneId zone;

    @org.springframework.beans.factory.annotation.Autowired
    public DirectiveReport(vn.bluezone.server.TimeZoneProperties time) {
        this.zone = time.timeZone();
    }

    /** On the default zone (unit tests). */
    public DirectiveReport() {
        this(vn.bluezone.server.TimeZoneProperties.vietnam());
    }
    private static final Color RED = new Color(0xB0, 0x1E, 0x1E);
    private static final Color GREEN = new Color(0x1E, 0x7A, 0x36);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    private static final Color HEADER_FILL = new Color(0xE8, 0xF1, 0xFA);
    /** Column widths as fractions of the text width: #, body, task, deadline, progress, status. */
    private static final float[] COLUMNS = {0.05f, 0.20f, 0.36f, 0.13f, 0.11f, 0.15f};
    private static final String[] HEADINGS = {"TT", "Đơn vị thực hiện", "Nhiệm vụ", "Hạn", "Tiến độ",
        "Trạng thái"};

    public byte[] render(DirectiveProgress progress) {
        return render(progress, null);
    }

    /**
     * @param unitName the reporting unit's name ("Xã Quảng Ngạn"): the issuing body is its people's committee and
     *                 the place of issue its name; null falls back to the directive's issuing body
     */
    public byte[] render(DirectiveProgress progress, String unitName) {
        try (PDDocument document = new PDDocument()) {
            Directive d = progress.directive();
            document.getDocumentInformation().setTitle("Tiến độ thực hiện " + d.number());
            document.getDocumentInformation().setCreator("Bluezone");
            PdfFonts fonts = PdfFonts.load(document);
            try (PageWriter p = new PageWriter(document, PDRectangle.A4, PDRectangle.A4.getWidth(), MARGIN, fonts)) {
                draw(p, progress, unitName);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report PDF", e);
        }
    }

    /**
     * The Vietnamese administrative document form (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuing body and number on
     * the left, national name and motto with the place and date on the right.
     */
    private static void nationalHeader(PageWriter p, String issuer, String place, java.time.LocalDate day) {
        PdfFonts f = p.fonts();
        float top = p.y();
        float leftWidth = p.textWidth() * 0.40f;
        float rightX = p.margin() + leftWidth;
        float rightWidth = p.textWidth() - leftWidth;
        p.paragraph(issuer.toUpperCase(java.util.Locale.forLanguageTag("vi")), f.bold(), 10.5f, Color.BLACK,
                p.margin(), leftWidth, Align.CENTER);
        p.down(3);
        p.box(p.margin() + leftWidth * 0.35f, p.y(), leftWidth * 0.30f, 0.6f, Color.BLACK);
        p.down(6);
        p.paragraph("Số:        /BC-UBND", f.regular(), 10.5f, Color.BLACK, p.margin(), leftWidth, Align.CENTER);
        float leftEnd = p.y();
        p.y(top);
        p.paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.bold(), 10.5f, Color.BLACK, rightX, rightWidth,
                Align.CENTER);
        p.paragraph("Độc lập - Tự do - Hạnh phúc", f.bold(), 11, Color.BLACK, rightX, rightWidth, Align.CENTER);
        p.down(3);
        p.box(rightX + rightWidth * 0.27f, p.y(), rightWidth * 0.46f, 0.6f, Color.BLACK);
        p.down(6);
        p.paragraph(place + ", ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng "
                + String.format("%02d", day.getMonthValue()) + " năm " + day.getYear(), f.regular(), 10.5f,
                Color.BLACK, rightX, rightWidth, Align.CENTER);
        p.y(Math.min(leftEnd, p.y()));
        p.down(12);
    }

    /** "Nơi nhận" on the left, the signature block of the committee's chair on the right. */
    private static void signatureBlock(PageWriter p) {
        PdfFonts f = p.fonts();
        float top = p.y();
        float leftWidth = p.textWidth() * 0.45f;
        p.paragraph("Nơi nhận:", f.bold(), 9.5f, Color.BLACK, p.margin(), leftWidth, Align.LEFT);
        p.paragraph("- Ban Chỉ đạo phòng, chống dịch;", f.regular(), 8.5f, Color.BLACK, p.margin(), leftWidth,
                Align.LEFT);
        p.paragraph("- Lưu: VT.", f.regular(), 8.5f, Color.BLACK, p.margin(), leftWidth, Align.LEFT);
        p.y(top);
        float rightX = p.margin() + leftWidth;
        float rightWidth = p.textWidth() - leftWidth;
        p.paragraph("TM. ỦY BAN NHÂN DÂN", f.bold(), 10.5f, Color.BLACK, rightX, rightWidth, Align.CENTER);
        p.paragraph("CHỦ TỊCH", f.bold(), 10.5f, Color.BLACK, rightX, rightWidth, Align.CENTER);
        p.paragraph("(Ký, ghi rõ họ tên, đóng dấu)", f.regular(), 8.5f, GREY, rightX, rightWidth, Align.CENTER);
    }

    /** Room the signature block needs under the table. */
    private static final float SIGNATURE_HEIGHT = 62;

    private void draw(PageWriter p, DirectiveProgress progress, String unitName) {
        PdfFonts f = p.fonts();
        Directive d = progress.directive();
        String issuer = unitName == null ? d.issuingBody() : "UBND " + lowerFirst(unitName);
        String place = unitName == null ? "" : unitName.replaceFirst("^(Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|"
                + "Thành phố|Tỉnh) ", "");
        nationalHeader(p, issuer, place.isEmpty() ? "......" : place, progress.asOf());
        p.paragraph("BÁO CÁO TIẾN ĐỘ THỰC HIỆN", f.bold(), 15, Color.BLACK, p.margin(), p.textWidth(), Align.CENTER);
        p.paragraph(d.subject(), f.bold(), 12, Color.BLACK, p.margin(), p.textWidth(), Align.CENTER);
        p.paragraph("Văn bản số " + d.number() + " ngày " + VietnameseDates.date(d.issuedOn()) + " của "
                + d.issuingBody(), f.regular(), 10.5f, GREY, p.margin(), p.textWidth(), Align.CENTER);
        p.paragraph("Số liệu đến ngày " + VietnameseDates.date(progress.asOf()), f.regular(), 10.5f, GREY,
                p.margin(), p.textWidth(), Align.CENTER);
        p.down(8);
        String summary = progress.tasks().size() + " nhiệm vụ: " + progress.count(TaskStatus.DONE) + " hoàn thành, "
                + progress.count(TaskStatus.OPEN) + " đang thực hiện, " + progress.count(TaskStatus.OVERDUE)
                + " quá hạn. Tiến độ bình quân " + progress.meanProgress() + "%.";
        p.paragraph(summary, f.bold(), 11, progress.count(TaskStatus.OVERDUE) > 0 ? RED : Color.BLACK, p.margin(),
                p.textWidth(), Align.LEFT);
        p.down(8);

        float footer = 30 + SIGNATURE_HEIGHT;
        float available = p.y() - p.margin() - footer;
        Layout layout = fit(f, progress, available);
        drawTable(p, layout);
        p.down(10);
        signatureBlock(p);
        p.line("Lập bằng Bluezone · " + VietnameseDates.date(progress.asOf()), f.regular(), 8, GREY, p.margin(),
                p.textWidth(), p.margin() - 14, Align.RIGHT);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Rows laid out at a font size, with or without the latest notes, cut to fit {@code available}. */
    private record Layout(float size, List<Row> rows, int omitted, float headerHeight) {
    }

    private record Row(List<List<String>> cells, List<String> note, Color color, int progress, float height) {
    }

    private Layout fit(PdfFonts f, DirectiveProgress progress, float available) {
        for (boolean notes : new boolean[] {true, false}) {
            for (float size = 10; size >= 7; size -= 0.5f) {
                Layout l = layout(f, progress, size, notes, Integer.MAX_VALUE);
                if (height(l) <= available) {
                    return l;
                }
            }
        }
        // Still too long: keep as many rows as fit at the smallest size and summarise the rest in one line.
        for (int keep = progress.tasks().size() - 1; keep >= 0; keep--) {
            Layout l = layout(f, progress, 7, false, keep);
            if (height(l) + 7 * 1.6f <= available) {
                return l;
            }
        }
        return layout(f, progress, 7, false, 0);
    }

    private static float height(Layout l) {
        return l.headerHeight() + (float) l.rows().stream().mapToDouble(Row::height).sum();
    }

    private Layout layout(PdfFonts f, DirectiveProgress progress, float size, boolean notes, int maxRows) {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float leading = size * 1.25f;
        float pad = 3;
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (TaskProgress tp : progress.tasks()) {
            if (rows.size() >= maxRows) {
                break;
            }
            Task t = tp.task();
            String status = switch (tp.status()) {
                case DONE -> "Hoàn thành " + VietnameseDates.date(t.doneOn());
                case OVERDUE -> "Quá hạn " + tp.daysOverdue() + " ngày";
                case OPEN -> "Đang thực hiện";
            };
            String[] texts = {String.valueOf(++n), t.bodyLabel(), t.title(), VietnameseDates.date(t.deadline()),
                t.progress() + "%", status};
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < texts.length; c++) {
                PDFont font = c == 5 && tp.status() == TaskStatus.OVERDUE ? f.bold() : f.regular();
                List<String> wrapped = TextLines.wrap(font, size, texts[c], COLUMNS[c] * width - 2 * pad);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            List<String> note = List.of();
            if (notes && tp.latest() != null) {
                note = TextLines.wrap(f.regular(), size - 1.5f, "Cập nhật " + VietnameseDates.date(
                        tp.latest().postedAt().atZone(zone)
                                .toLocalDate()) + " (" + tp.latest().postedBy() + "): " + tp.latest().note(),
                        (COLUMNS[1] + COLUMNS[2] + COLUMNS[3] + COLUMNS[4] + COLUMNS[5]) * width - 2 * pad);
            }
            Color color = switch (tp.status()) {
                case OVERDUE -> RED;
                case DONE -> GREEN;
                case OPEN -> Color.BLACK;
            };
            float h = lines * leading + note.size() * (size - 1.5f) * 1.25f + 2 * pad + 2;
            rows.add(new Row(cells, note, color, t.progress(), h));
        }
        return new Layout(size, rows, progress.tasks().size() - rows.size(), leading + 2 * pad + 2);
    }

    private void drawTable(PageWriter p, Layout l) {
        PdfFonts f = p.fonts();
        float width = p.textWidth();
        float size = l.size();
        float leading = size * 1.25f;
        float pad = 3;
        float[] x = new float[COLUMNS.length + 1];
        x[0] = p.margin();
        for (int c = 0; c < COLUMNS.length; c++) {
            x[c + 1] = x[c] + COLUMNS[c] * width;
        }
        float top = p.y();
        p.box(p.margin(), top - l.headerHeight(), width, l.headerHeight(), HEADER_FILL);
        for (int c = 0; c < HEADINGS.length; c++) {
            p.line(HEADINGS[c], f.bold(), size, Color.BLACK, x[c] + pad, x[c + 1] - x[c] - 2 * pad,
                    top - pad - size, Align.LEFT);
        }
        top -= l.headerHeight();
        for (Row r : l.rows()) {
            float baseline = top - pad - size;
            for (int c = 0; c < r.cells().size(); c++) {
                PDFont font = c == 5 && r.color() == RED ? f.bold() : f.regular();
                Color color = c >= 4 ? r.color() : Color.BLACK;
                float b = baseline;
                for (String line : r.cells().get(c)) {
                    p.line(line, font, size, color, x[c] + pad, x[c + 1] - x[c] - 2 * pad, b, Align.LEFT);
                    b -= leading;
                }
            }
            // A thin progress bar under the percentage.
            float barY = baseline - leading + size * 0.55f;
            float barW = x[5] - x[4] - 2 * pad;
            p.box(x[4] + pad, barY, barW, 2.5f, RULE);
            p.box(x[4] + pad, barY, barW * r.progress() / 100f, 2.5f, r.color() == RED ? RED : GREEN);
            int lines = r.cells().stream().mapToInt(List::size).max().orElse(1);
            float nb = baseline - lines * leading;
            for (String line : r.note()) {
                p.line(line, f.regular(), size - 1.5f, GREY, x[1] + pad, x[6] - x[1] - 2 * pad, nb, Align.LEFT);
                nb -= (size - 1.5f) * 1.25f;
            }
            top -= r.height();
            p.box(p.margin(), top, width, 0.5f, RULE);
        }
        if (l.omitted() > 0) {
            top -= 7 * 1.4f;
            p.line("… và " + l.omitted() + " nhiệm vụ khác: xem đầy đủ trên bảng điều khiển.", f.regular(), 7, GREY,
                    p.margin(), width, top, Align.LEFT);
        }
        p.y(top);
    }
}
