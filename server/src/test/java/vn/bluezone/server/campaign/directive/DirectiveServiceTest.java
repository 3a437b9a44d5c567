package vn.bluezone.server.campaign.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignDb;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.FakeAreas;
import vn.bluezone.server.campaign.print.PdfChecks;

class DirectiveServiceTest {
    private static final LocalDate ISSUED = LocalDate.of(2020, 8, 3);
    private final vn.bluezone.server.support.MutableClock time =
            new vn.bluezone.server.support.MutableClock(Instant.parse("2020-08-05T03:00:00Z"));
    private final CampaignClock clock = new CampaignClock(time);

    private DirectiveService service(String db) {
        return new DirectiveService(new DirectiveStore(CampaignDb.of(db)), FakeAreas.hue(), clock);
    }

    private void today(LocalDate day) {
        time.set(day.atTime(10, 0).atZone(clock.zone()).toInstant());
    }

    private static Directive letter(DirectiveService s) {
        return s.create("19873", "45/UBND-VP", ISSUED, "UBND xã Quảng Ngạn",
                "Triển khai cài đặt ứng dụng Bluezone trên địa bàn xã", "Căn cứ Công văn số ... của UBND huyện ...",
                List.of(new NewTask("YOUTH_UNION", "Chi đoàn các thôn", "Đi từng nhà hướng dẫn cài đặt",
                                LocalDate.of(2020, 8, 15)),
                        new NewTask("POLICE", null, "Kiểm tra việc cài đặt của người cách ly tại nhà",
                                LocalDate.of(2020, 8, 10)),
                        new NewTask("culture-office", null, "Phát thanh trên loa hằng ngày",
                                LocalDate.of(2020, 8, 7))), "xa.qn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void progressUpdatesOverdueListAndOnePageReport(String db) throws Exception {
        DirectiveService s = service(db);
        Directive d = letter(s);
        List<TaskProgress> tasks = s.progress(d.id()).tasks();
        assertThat(tasks).extracting(t -> t.task().body())
                .containsExactly(TaskBody.CULTURE_OFFICE, TaskBody.POLICE, TaskBody.YOUTH_UNION);
        assertThat(tasks).allMatch(t -> t.status() == TaskStatus.OPEN);
        long radio = tasks.get(0).task().id();
        long police = tasks.get(1).task().id();
        long youth = tasks.get(2).task().id();

        s.postUpdate(youth, 40, "Đã đến 120/300 hộ", "doan.qn");
        s.postUpdate(radio, 100, "Phát 2 lần mỗi ngày từ 04/8", "vh.qn");
        today(LocalDate.of(2020, 8, 12));
        s.postUpdate(youth, 70, "Đã đến 210/300 hộ", "doan.qn");

        DirectiveProgress p = s.progress(d.id());
        assertThat(p.tasks()).extracting(TaskProgress::status)
                .containsExactly(TaskStatus.DONE, TaskStatus.OVERDUE, TaskStatus.OPEN);
        assertThat(p.tasks().get(0).task().doneOn()).isEqualTo(LocalDate.of(2020, 8, 5));
        assertThat(p.tasks().get(1).daysOverdue()).isEqualTo(2);
        assertThat(p.tasks().get(2).latest().note()).isEqualTo("Đã đến 210/300 hộ");
        assertThat(p.meanProgress()).isEqualTo(57); // (100 + 0 + 70) / 3
        assertThat(s.updates(youth)).extracting(TaskUpdate::progress).containsExactly(70, 40);

        assertThat(s.overdue("19873")).extracting(o -> o.task().id()).containsExactly(police);
        assertThat(s.overdue("477")).hasSize(1);
        assertThat(s.overdue(null)).hasSize(1);
        assertThat(s.overdue("19876")).isEmpty();
        assertThat(s.directivesWithin("19876")).isEmpty();
        assertThat(s.directivesWithin("46")).extracting(Directive::id).containsExactly(d.id());

        // Done reopens when progress drops; the overdue list follows.
        s.postUpdate(police, 100, "Đã kiểm tra 14/14 người", "ca.qn");
        assertThat(s.overdue("19873")).isEmpty();

        byte[] pdf = new DirectiveReport().render(s.progress(d.id()));
        assertThat(PdfChecks.pages(pdf)).isEqualTo(1);
        String text = PdfChecks.text(pdf);
        assertThat(PdfChecks.isNfc(text)).isTrue();
        assertThat(text).contains("BÁO CÁO TIẾN ĐỘ THỰC HIỆN",
                "Triển khai cài đặt ứng dụng Bluezone trên địa bàn xã", "Văn bản số 45/UBND-VP ngày 03/08/2020",
                "3 nhiệm vụ: 2 hoàn thành, 1 đang thực hiện, 0 quá hạn", "Đoàn Thanh niên – Chi đoàn các thôn",
                "Đã đến 210/300 hộ", "70%", "Hoàn thành 12/08/2020", "10/08/2020");
        assertThat(PdfChecks.nonEmbeddedFonts(pdf)).isEmpty();
        String form = PdfChecks.text(new DirectiveReport().render(s.progress(d.id()), "Xã Quảng Ngạn"));
        assertThat(form).contains("UBND XÃ QUẢNG NGẠN", "/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Quảng Ngạn, ngày 12 tháng 08 năm 2020", "Nơi nhận:",
                "Ban Chỉ đạo phòng, chống dịch", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)");
        PdfChecks.savePng(PdfChecks.render(pdf, 80), "directive-report-" + db);
    }

    @Test
    void aLongDirectiveStillPrintsOnOnePage() throws Exception {
        DirectiveService s = service("h2");
        List<NewTask> many = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            many.add(new NewTask(TaskBody.values()[i % TaskBody.values().length].name(), "Thôn số " + i,
                    "Nhiệm vụ thứ " + i + ": vận động các hộ gia đình trong thôn cài đặt và duy trì bật Bluetooth",
                    ISSUED.plusDays(i % 9)));
        }
        Directive d = s.create("19873", "99/KH-UBND", ISSUED, "UBND xã Quảng Ngạn", "Kế hoạch dài", "", many, "x");
        today(LocalDate.of(2020, 8, 9));
        for (TaskProgress t : s.progress(d.id()).tasks()) {
            s.postUpdate(t.task().id(), 30, "Đang triển khai, đã họp dân và phân công đoàn viên phụ trách từng "
                    + "cụm dân cư", "x");
        }
        byte[] pdf = new DirectiveReport().render(s.progress(d.id()));
        assertThat(PdfChecks.pages(pdf)).isEqualTo(1);
        assertThat(PdfChecks.text(pdf)).contains("60 nhiệm vụ", "nhiệm vụ khác: xem đầy đủ");
        PdfChecks.savePng(PdfChecks.render(pdf, 80), "directive-report-long");
    }

    @Test
    void badInputGetsStableErrorCodes() {
        DirectiveService s = service("h2");
        Directive d = letter(s);
        assertThat(code(() -> letter(s))).isEqualTo("DIRECTIVE_NUMBER_TAKEN");
        assertThat(code(() -> s.create("19873", "1", LocalDate.of(2020, 9, 1), "UBND", "x", "", List.of(), "x")))
                .isEqualTo("ISSUED_IN_FUTURE");
        assertThat(code(() -> s.create("99999", "1", ISSUED, "UBND", "x", "", List.of(), "x")))
                .isEqualTo("UNKNOWN_UNIT");
        assertThat(code(() -> s.create("19873", " ", ISSUED, "UBND", "x", "", List.of(), "x")))
                .isEqualTo("FIELD_REQUIRED");
        assertThat(code(() -> s.addTask(d.id(), new NewTask("ARMY", null, "x", ISSUED)))).isEqualTo("BAD_BODY");
        assertThat(code(() -> s.addTask(d.id(), new NewTask("POLICE", null, "x", ISSUED.minusDays(1)))))
                .isEqualTo("DEADLINE_BEFORE_ISSUE");
        assertThat(code(() -> s.addTask(d.id(), new NewTask("POLICE", null, "x", null)))).isEqualTo("FIELD_REQUIRED");
        assertThat(code(() -> s.addTask(424242, new NewTask("POLICE", null, "x", ISSUED))))
                .isEqualTo("DIRECTIVE_NOT_FOUND");
        long task = s.progress(d.id()).tasks().get(0).task().id();
        assertThat(code(() -> s.postUpdate(task, 101, "x", "x"))).isEqualTo("BAD_PROGRESS");
        assertThat(code(() -> s.postUpdate(task, 50, "", "x"))).isEqualTo("FIELD_REQUIRED");
        assertThat(code(() -> s.postUpdate(777, 50, "x", "x"))).isEqualTo("TASK_NOT_FOUND");
        assertThat(s.progress(d.id()).tasks()).hasSize(3);
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (vn.bluezone.server.problem.DomainException p) { // CampaignProblem, or the registry's Areas (unknown unit)
            return p.code();
        }
        return "no error";
    }
}
