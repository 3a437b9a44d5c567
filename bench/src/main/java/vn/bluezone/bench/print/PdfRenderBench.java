package vn.bluezone.bench.print;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import vn.bluezone.server.campaign.directive.Directive;
import vn.bluezone.server.campaign.directive.DirectiveProgress;
import vn.bluezone.server.campaign.directive.DirectiveReport;
import vn.bluezone.server.campaign.directive.Task;
import vn.bluezone.server.campaign.directive.TaskBody;
import vn.bluezone.server.campaign.directive.TaskProgress;
import vn.bluezone.server.campaign.directive.TaskUpdate;
import vn.bluezone.server.campaign.place.PaperSize;
import vn.bluezone.server.campaign.place.PlaceKind;
import vn.bluezone.server.campaign.place.PosterContent;
import vn.bluezone.server.campaign.place.PosterGenerator;
import vn.bluezone.server.campaign.print.PdfRenderer;
import vn.bluezone.server.campaign.radio.AnnouncerSheet;
import vn.bluezone.server.campaign.radio.RadioSlot;
import vn.bluezone.server.campaign.radio.ScheduledAnnouncement;

/**
 * How long the console's printed documents take to render (issue 13): the A4 and A3 posters (vector QR code), the
 * announcer sheet (four announcements) and the directive report (twelve tasks), in Vietnamese, through the same
 * renderers the server uses. Baseline in the same run: a one-paragraph A4 page through the same writer (same
 * embedded fonts), i.e. what any PDF costs; each document is reported as a multiple of it, which the machine's
 * load (shared cores) changes much less than the milliseconds. Runs are interleaved; medians of wall clock and of
 * this thread's CPU time. Usage: {@code PdfRenderBench [runs=15]}.
 */
public final class PdfRenderBench {
    private PdfRenderBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        PosterGenerator posters = new PosterGenerator();
        AnnouncerSheet sheets = new AnnouncerSheet();
        DirectiveReport reports = new DirectiveReport();
        PosterContent market = new PosterContent("Chợ Quảng Ngạn", PlaceKind.MARKET, "Thôn Hà Lạc, Xã Quảng Ngạn",
                "QN7K2M", "https://bluezone.example.vn/i/QN7K2M", "UBND xã Quảng Ngạn",
                "https://bluezone.example.vn/i/QN7K2M#" + "A".repeat(120));
        List<ScheduledAnnouncement> items = announcements();
        DirectiveProgress progress = directive();
        String baselinePage = "<html><head><style>@page{size:A4} body{font-family:'" + PdfRenderer.FONT_FAMILY
                + "'}</style></head><body><p>Ủy ban nhân dân xã Quảng Ngạn</p></body></html>";
        List<String> names = List.of("baseline (one paragraph)", "poster A4", "poster A3", "announcer sheet",
                "directive report");
        List<Supplier<byte[]>> jobs = List.of(() -> PdfRenderer.write(baselinePage).bytes(),
                () -> posters.render(market, PaperSize.A4), () -> posters.render(market, PaperSize.A3),
                () -> sheets.pdf("Xã Quảng Ngạn", LocalDate.of(2026, 12, 2), items), () -> reports.render(progress,
                        "Xã Quảng Ngạn"));
        long[] sizes = new long[jobs.size()];
        for (int i = 0; i < 5; i++) { // warm-up: class loading, JIT, font metrics cache
            for (int j = 0; j < jobs.size(); j++) {
                sizes[j] = jobs.get(j).get().length;
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[][] wall = new long[jobs.size()][runs];
        long[][] cpuTime = new long[jobs.size()][runs];
        for (int r = 0; r < runs; r++) {
            for (int j = 0; j < jobs.size(); j++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                jobs.get(j).get();
                wall[j][r] = System.nanoTime() - w0;
                cpuTime[j][r] = cpu.getCurrentThreadCpuTime() - c0;
            }
        }
        double baseWall = median(wall[0]);
        double baseCpu = median(cpuTime[0]);
        System.out.printf("%d interleaved runs after 5 warm-up rounds; medians%n", runs);
        System.out.printf("%-26s %9s %9s %10s %9s %9s%n", "document", "wall ms", "CPU ms", "bytes", "× wall", "× CPU");
        for (int j = 0; j < jobs.size(); j++) {
            System.out.printf("%-26s %9.1f %9.1f %10d %9.1f %9.1f%n", names.get(j), median(wall[j]) / 1e6,
                    median(cpuTime[j]) / 1e6, sizes[j], median(wall[j]) / baseWall, median(cpuTime[j]) / baseCpu);
        }
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static List<ScheduledAnnouncement> announcements() {
        List<ScheduledAnnouncement> out = new ArrayList<>();
        String script = "Kính thưa bà con nhân dân xã Quảng Ngạn. Đến hôm nay toàn xã đã có 228 người cài đặt ứng dụng "
                + "Bluezone, đạt 3,5% số người dùng điện thoại thông minh. Đề nghị bà con chưa cài đặt hãy cài ngay. ";
        for (int i = 0; i < 4; i++) {
            RadioSlot slot = new RadioSlot(i + 1, "19873", "19873", 1, "12345", LocalTime.of(6 + i * 4, 30),
                    "Loa thôn " + (i + 1), true);
            out.add(new ScheduledAnnouncement(slot, "Xã Quảng Ngạn", "Kêu gọi cài đặt", script.repeat(2), null, null,
                    i == 0));
        }
        return out;
    }

    private static DirectiveProgress directive() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        Directive d = new Directive(1, "19873", "15/CT-UBND", today.minusDays(10), "UBND xã Quảng Ngạn",
                "Đẩy mạnh cài đặt Bluezone", "Các thôn, đoàn thể triển khai ngay.", "bench", Instant.EPOCH);
        List<TaskProgress> tasks = new ArrayList<>();
        TaskBody[] bodies = TaskBody.values();
        for (int i = 0; i < 12; i++) {
            Task t = new Task(i + 1, 1, bodies[i % bodies.length], "Thôn " + (i + 1), "Vận động hộ gia đình thôn "
                    + (i + 1) + " cài đặt", today.plusDays(i - 4), i * 8, null);
            TaskUpdate u = new TaskUpdate(i + 1, i + 1, Instant.EPOCH, "bench", i * 8, "Đã thăm " + (i * 5) + " hộ");
            tasks.add(new TaskProgress(t, t.status(today), t.daysOverdue(today), u));
        }
        return new DirectiveProgress(d, today, tasks);
    }
}
