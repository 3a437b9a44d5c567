package vn.bluezone.server.campaign.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignDb;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.CampaignProperties;
import vn.bluezone.server.campaign.FakeAreas;
import vn.bluezone.server.campaign.FakeDevices;

class CohortServiceTest {
    private static final LocalDate START = LocalDate.of(2020, 8, 1);
    private static final LocalDate END = LocalDate.of(2020, 8, 14);
    private final vn.bluezone.server.support.MutableClock time =
            new vn.bluezone.server.support.MutableClock(at(LocalDate.of(2020, 8, 3)));
    private final CampaignClock clock = new CampaignClock(time);
    private final FakeDevices devices = new FakeDevices();

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(vn.bluezone.server.TimeZoneProperties.vietnam().timeZone()).toInstant();
    }

    private void today(LocalDate day) {
        time.set(at(day));
    }

    private CohortService service(String db) {
        return new CohortService(new CohortStore(CampaignDb.of(db)), FakeAreas.hue(), devices, clock,
                CampaignProperties.defaults());
    }

    private static NewPerson lan() {
        return new NewPerson("Nguyễn Thị Lan", "091 234 5678", "046190001234", "V1", "Xóm 2, thôn Hà Lạc",
                "home_quarantine", START, END);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void verifiedInstallThenHeartbeatsDriveCompliance(String db) {
        CohortService s = service(db);
        CohortPerson lan = s.register("19873", lan(), "tram.yte");
        CohortPerson minh = s.register("19873", new NewPerson("Trần Văn Minh", "+84 35 123 4567", null, null,
                "Thôn Tân Mỹ", "ARRIVAL", START, END), "ca.qn");
        assertThat(lan.phone()).isEqualTo("0912345678");
        assertThat(minh.phone()).isEqualTo("0351234567");
        assertThat(s.compliance("19873")).extracting(ComplianceRow::unitCode, ComplianceRow::required,
                ComplianceRow::verified, ComplianceRow::active)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("V1", 1L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("19873", 1L, 0L, 0L));

        assertThat(code(() -> s.verify(lan.id(), "ZZZZ9999", "tram.yte"))).isEqualTo("INSTALL_CODE_UNKNOWN");
        devices.install("dev-lan", "K7M2Q9XA", at(START));
        PersonStatus verified = s.verify(lan.id(), " k7m2-q9xa ", "tram.yte");
        assertThat(verified.person().verified()).isTrue();
        assertThat(verified.person().verifiedBy()).isEqualTo("tram.yte");
        assertThat(verified.active()).as("verified but no heartbeat yet").isFalse();
        assertThat(code(() -> s.verify(minh.id(), "K7M2Q9XA", "ca.qn"))).isEqualTo("DEVICE_ALREADY_LINKED");

        devices.heartbeat("dev-lan", at(LocalDate.of(2020, 8, 3)).minusSeconds(3600), true);
        // Issue 15 §3: heartbeats from an install that was never attested do not make Lan compliant.
        assertThat(s.compliance("19873")).filteredOn(r -> r.unitCode().equals("V1")).singleElement()
                .satisfies(r -> {
                    assertThat(r.verified()).isEqualTo(1);
                    assertThat(r.active()).isZero();
                    assertThat(r.unattested()).isEqualTo(1);
                });
        assertThat(s.view(lan.id(), "xa.qn").reason()).isEqualTo(ComplianceReason.UNATTESTED);
        assertThat(s.exportCsv("19873", "xa.qn")).contains("\"Cài chưa xác thực\"");
        devices.attest("dev-lan");
        assertThat(s.view(lan.id(), "xa.qn").reason()).isNull();
        assertThat(s.compliance("19873")).filteredOn(r -> r.unitCode().equals("V1")).singleElement()
                .satisfies(r -> {
                    assertThat(r.verified()).isEqualTo(1);
                    assertThat(r.active()).isEqualTo(1);
                    assertThat(r.unattested()).isZero();
                });
        assertThat(s.compliance("477")).singleElement().satisfies(r -> {
            assertThat(r.unitCode()).isEqualTo("19873");
            assertThat(r.required()).isEqualTo(2);
            assertThat(r.active()).isEqualTo(1);
        });
        assertThat(s.compliance("19876")).isEmpty();
        assertThat(s.needingVisit("19873", "xa.qn")).extracting(st -> st.person().fullName())
                .containsExactly("Trần Văn Minh");

        // Bluetooth off, or silence for more than 48 hours, puts Lan back on the visit list.
        devices.heartbeat("dev-lan", at(LocalDate.of(2020, 8, 3)), false);
        assertThat(s.needingVisit("19873", "xa.qn")).hasSize(2);
        devices.heartbeat("dev-lan", at(LocalDate.of(2020, 8, 3)), true);
        today(LocalDate.of(2020, 8, 6));
        assertThat(s.view(lan.id(), "xa.qn").active()).isFalse();
        assertThat(s.view(lan.id(), "xa.qn").reason()).isEqualTo(ComplianceReason.NOT_ACTIVE);

        // After the end date nobody is required any more.
        today(END.plusDays(1));
        assertThat(s.compliance("19873")).isEmpty();

        String csv = s.exportCsv("477", "huyen.qd");
        assertThat(csv).startsWith("\uFEFFMã hồ sơ;Xã;Thôn;Nhóm;Họ tên").contains("\"Nguyễn Thị Lan\"", "\"0912345678\"",
                "\"Thôn Hà Lạc\"", "\"Cách ly tại nhà\"");
        assertThat(s.accessLog(lan.id())).extracting(AccessEntry::action).containsExactly("CREATE", "VERIFY",
                "VIEW", "VIEW", "VIEW", "VIEW");
        assertThat(s.accessLogOfCommune("19873", 100)).extracting(AccessEntry::action).contains("EXPORT", "LIST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void recordsAreDeletedThirtyDaysAfterTheCohortEnds(String db) {
        CohortService s = service(db);
        CohortPerson lan = s.register("19873", lan(), "tram.yte");
        CohortPerson later = s.register("19873", new NewPerson("Lê Văn Hùng", "0987654321", null, "V2", "Tân Mỹ",
                "TEST_DUE", START, END.plusDays(5)), "tram.yte");
        CohortRetentionJob job = new CohortRetentionJob(s, clock, CampaignProperties.defaults());

        today(END.plusDays(30));
        assertThat(job.run()).isZero();
        today(END.plusDays(31));
        assertThat(job.run()).isEqualTo(1);
        assertThat(code(() -> s.find(lan.id()))).isEqualTo("PERSON_NOT_FOUND");
        assertThat(s.find(later.id()).fullName()).isEqualTo("Lê Văn Hùng");
        assertThat(job.run()).as("running again deletes nothing more").isZero();
        // The access log outlives the record and holds no personal data.
        assertThat(s.accessLog(lan.id())).extracting(AccessEntry::action).containsExactly("CREATE", "AUTO_DELETE");
        assertThat(s.accessLog(lan.id())).allSatisfy(e -> assertThat(String.valueOf(e.detail()))
                .doesNotContain("Lan", "0912345678"));
        today(END.plusDays(36));
        assertThat(job.run()).isEqualTo(1);
        // A period that ended longer ago than the retention is not recorded at all.
        assertThat(code(() -> s.register("19873", lan(), "x"))).isEqualTo("ALREADY_EXPIRED");
    }

    @Test
    void badInputGetsStableErrorCodes() {
        CohortService s = service("h2");
        assertThat(code(() -> s.register("19873", new NewPerson("A", "12345", null, null, "x", "ARRIVAL", START,
                END), "x"))).isEqualTo("BAD_PHONE");
        assertThat(code(() -> s.register("19873", new NewPerson("A", "0912345678", "12345", null, "x", "ARRIVAL",
                START, END), "x"))).isEqualTo("BAD_ID_NUMBER");
        assertThat(code(() -> s.register("19873", new NewPerson("A", "0912345678", null, "V3", "x", "ARRIVAL",
                START, END), "x"))).isEqualTo("VILLAGE_NOT_IN_COMMUNE");
        assertThat(code(() -> s.register("19873", new NewPerson("A", "0912345678", null, null, "x", "TOURIST",
                START, END), "x"))).isEqualTo("BAD_COHORT");
        assertThat(code(() -> s.register("19873", new NewPerson("A", "0912345678", null, null, "x", "ARRIVAL",
                END, START), "x"))).isEqualTo("BAD_DATES");
        assertThat(code(() -> s.register("19873", new NewPerson(" ", "0912345678", null, null, "x", "ARRIVAL",
                START, END), "x"))).isEqualTo("FIELD_REQUIRED");
        assertThat(code(() -> s.register("00000", lan(), "x"))).isEqualTo("UNKNOWN_UNIT");
        assertThat(code(() -> s.verify(12345, "ABC", "x"))).isEqualTo("PERSON_NOT_FOUND");
        CohortPerson p = s.register("19873", lan(), "x");
        assertThat(code(() -> s.verify(p.id(), "  ", "x"))).isEqualTo("FIELD_REQUIRED");
        assertThat(CohortService.phone("024 3825 1234")).isEqualTo("02438251234");
        assertThat(CohortCsv.cell("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
        assertThat(s.list("19873", "x")).extracting(st -> st.person().id()).containsExactly(p.id());
        assertThat(List.of(s.accessLogOfCommune("19873", 10).get(0).action())).containsExactly("LIST");
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
