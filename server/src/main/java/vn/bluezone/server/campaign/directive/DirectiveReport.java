package vn.bluezone.server.campaign.directive;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.bluezone.server.TimeZoneProperties;
import vn.bluezone.server.campaign.print.AdministrativeForm;
import vn.bluezone.server.campaign.print.PdfRenderer;
import vn.bluezone.server.console.Formats;

/**
 * The one-page progress report of a directive, for a steering-committee meeting, in the administrative document
 * form (templates/print/directive-report.html): summary, and a table of tasks with body, deadline, progress and
 * status, overdue rows in red. It always fits one A4 page: the table's font shrinks, then the latest notes are left
 * out, then the last rows are summarised in one line.
 */
@Component
public class DirectiveReport {
    private static final Locale VI = PdfRenderer.VIETNAMESE;
    /** Table font sizes tried, in points, largest first. */
    private static final double[] SIZES = {10, 9, 8, 7};

    private final PdfRenderer renderer;
    private final ZoneId zone;

    @Autowired
    public DirectiveReport(PdfRenderer renderer, TimeZoneProperties time) {
        this.renderer = renderer;
        this.zone = time.timeZone();
    }

    /** Outside Spring (unit tests): Vietnam time. */
    public DirectiveReport() {
        this(PdfRenderer.standalone(), TimeZoneProperties.vietnam());
    }

    public byte[] render(DirectiveProgress progress) {
        return render(progress, null);
    }

    /**
     * @param unitName the reporting unit's name ("Xã Quảng Ngạn"): the issuing body is its people's committee and
     *                 the place of issue its name; null falls back to the directive's issuing body
     */
    public byte[] render(DirectiveProgress progress, String unitName) {
        Directive d = progress.directive();
        Map<String, Object> model = new HashMap<>();
        model.put("form", AdministrativeForm.ofUnit(renderer, VI, unitName, d.issuingBody(), "print.report.number",
                progress.asOf(), List.of("print.recipient.steering")));
        model.put("directive", d);
        model.put("issuedOn", Formats.format(d.issuedOn()));
        model.put("asOf", Formats.format(progress.asOf()));
        model.put("total", progress.tasks().size());
        model.put("done", progress.count(TaskStatus.DONE));
        model.put("open", progress.count(TaskStatus.OPEN));
        model.put("overdue", progress.count(TaskStatus.OVERDUE));
        model.put("mean", progress.meanProgress());
        int all = progress.tasks().size();
        PdfRenderer.Pdf largest = attempt(model, progress, SIZES[0], true, all);
        if (largest.pages() == 1) {
            return largest.bytes();
        }
        PdfRenderer.Pdf smallest = attempt(model, progress, SIZES[SIZES.length - 1], false, all);
        if (smallest.pages() == 1) {
            // Everything fits at the smallest size without notes: look for the largest size, notes first.
            for (boolean notes : new boolean[] {true, false}) {
                for (double size : SIZES) {
                    if (notes && size == SIZES[0]) {
                        continue;
                    }
                    if (!notes && size == SIZES[SIZES.length - 1]) {
                        return smallest.bytes();
                    }
                    PdfRenderer.Pdf pdf = attempt(model, progress, size, notes, all);
                    if (pdf.pages() == 1) {
                        return pdf.bytes();
                    }
                }
            }
        }
        // Too long: the most rows that fit at the smallest size (binary search from the share that fitted), the
        // rest summarised in one line.
        int fits = 0;
        int tooMany = all;
        byte[] best = null;
        int guess = Math.max(1, all / smallest.pages() - 2);
        while (tooMany - fits > 1) {
            int mid = guess > fits && guess < tooMany ? guess : (fits + tooMany) / 2;
            guess = -1;
            PdfRenderer.Pdf pdf = attempt(model, progress, SIZES[SIZES.length - 1], false, mid);
            if (pdf.pages() == 1) {
                fits = mid;
                best = pdf.bytes();
            } else {
                tooMany = mid;
            }
        }
        return best != null ? best : attempt(model, progress, SIZES[SIZES.length - 1], false, 0).bytes();
    }

    private PdfRenderer.Pdf attempt(Map<String, Object> model, DirectiveProgress progress, double size,
            boolean notes, int rows) {
        List<Row> shown = rows(progress, notes, rows);
        model.put("size", size);
        model.put("rows", shown);
        model.put("omitted", progress.tasks().size() - shown.size());
        return renderer.pdf("directive-report", model, VI);
    }

    /** One task as the table shows it; {@code status} is the row's style, {@code note} null when left out. */
    public record Row(int number, String body, String title, String deadline, int progress, String status,
            String statusText, String note) {
    }

    private List<Row> rows(DirectiveProgress progress, boolean notes, int max) {
        List<Row> rows = new ArrayList<>();
        for (TaskProgress tp : progress.tasks()) {
            if (rows.size() >= max) {
                break;
            }
            Task t = tp.task();
            String body = renderer.message("campaign.body." + t.body().name(), VI);
            String statusText = switch (tp.status()) {
                case DONE -> renderer.message("print.report.status.DONE", VI, Formats.format(t.doneOn()));
                case OVERDUE -> renderer.message("print.report.status.OVERDUE", VI, tp.daysOverdue());
                case OPEN -> renderer.message("print.report.status.OPEN", VI);
            };
            String note = notes && tp.latest() != null ? renderer.message("print.report.note", VI,
                    Formats.format(tp.latest().postedAt().atZone(zone).toLocalDate()), tp.latest().postedBy(),
                    tp.latest().note()) : null;
            rows.add(new Row(rows.size() + 1, t.assignee() == null ? body : body + " – " + t.assignee(), t.title(),
                    Formats.format(t.deadline()), t.progress(), tp.status().name(), statusText, note));
        }
        return rows;
    }
}
