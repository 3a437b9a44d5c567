package vn.bluezone.server.campaign.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.cohort.CohortPerson;
import vn.bluezone.server.campaign.cohort.CohortService;
import vn.bluezone.server.campaign.cohort.NewPerson;
import vn.bluezone.server.campaign.desk.DeskService;
import vn.bluezone.server.campaign.directive.Directive;
import vn.bluezone.server.campaign.directive.DirectiveService;
import vn.bluezone.server.campaign.directive.NewTask;
import vn.bluezone.server.campaign.directive.Task;
import vn.bluezone.server.campaign.directive.TaskBody;
import vn.bluezone.server.campaign.household.Household;
import vn.bluezone.server.campaign.household.HouseholdService;
import vn.bluezone.server.campaign.household.NewVisit;
import vn.bluezone.server.campaign.place.Place;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.campaign.radio.RadioService;
import vn.bluezone.server.campaign.radio.RadioSlot;
import vn.bluezone.server.campaign.radio.RadioTemplate;
import vn.bluezone.server.campaign.referral.ReferralService;
import vn.bluezone.server.registry.DeviceRegistry;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.statistics.DemoDataSet;
import vn.bluezone.server.statistics.DemoProperties;

/**
 * Campaign demo data for the demo commune (Xã Quảng Ngạn by default), so that a fresh {@code ./bluezone start} shows
 * campaign pages worth looking at: people in quarantine (one verified and active), households with visits, places
 * with installs, referrers, desk entries, a directive with tasks (one overdue), a radio template on the schedule.
 * Every person and household has an obviously fictitious name starting with "[DEMO]"; places, documents and scripts
 * carry "DEMO" too; everything is created by the user {@value DemoDataSet#ACTOR} through the same services the pages
 * use. The few phones it registers (anonymous, as every install) count in the install figures like the registry's
 * simulated ones. Loaded once, after the registry's demo (its villages), and never with {@code --no-demo}.
 */
@Component
public class CampaignDemoData {
    public static final String ACTOR = DemoDataSet.ACTOR;
    private static final Logger log = LoggerFactory.getLogger(CampaignDemoData.class);

    private final DemoProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CampaignClock clock;
    private final Areas areas;
    private final Villages villages;
    private final DeviceRegistry registry;
    private final CohortService cohorts;
    private final HouseholdService households;
    private final PlaceService places;
    private final ReferralService referrals;
    private final DeskService desk;
    private final DirectiveService directives;
    private final RadioService radio;

    public CampaignDemoData(DemoProperties properties, JdbcClient jdbc, TransactionTemplate tx, CampaignClock clock,
            Areas areas, Villages villages, DeviceRegistry registry, CohortService cohorts,
            HouseholdService households, PlaceService places, ReferralService referrals, DeskService desk,
            DirectiveService directives, RadioService radio) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.areas = areas;
        this.villages = villages;
        this.registry = registry;
        this.cohorts = cohorts;
        this.households = households;
        this.places = places;
        this.referrals = referrals;
        this.desk = desk;
        this.directives = directives;
        this.radio = radio;
    }

    /** After every start-up runner, the registry's demo loader included: its villages are there. */
    @EventListener(ApplicationReadyEvent.class)
    public void loadOnStart() {
        if (!properties.enabled() || isLoaded()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> load());
            log.info("Campaign demo data loaded in {} (disable with --no-demo)", properties.commune());
        } catch (RuntimeException e) {
            // A demo must never stop the server: the transaction rolled back, the database is as it was.
            log.warn("Campaign demo data not loaded in {}: {}", properties.commune(), e.getMessage());
        }
    }

    /** True when the campaign demo is in the database (its places are its marker). */
    public boolean isLoaded() {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_place WHERE created_by = ?").param(ACTOR).query(Long.class)
                .single() > 0;
    }

    void load() {
        String commune = properties.commune();
        LocalDate today = clock.today();
        List<String> v = new ArrayList<>(areas.villagesOf(commune).keySet());
        for (int i = v.size() + 1; v.size() < 3; i++) {
            v.add(villages.create(commune, "thon", String.valueOf(i), ACTOR).code());
        }
        String communeName = areas.name(commune).orElse(commune);

        // 1. People who must install: one verified with an active phone, one verified but silent, two to visit.
        CohortPerson lan = cohorts.register(commune, new NewPerson("[DEMO] Nguyễn Thị Mẫu", "0900000001", null,
                v.get(0), "[DEMO] Số 1, xóm Mẫu", "HOME_QUARANTINE", today.minusDays(3), today.plusDays(11)), ACTOR);
        RegisteredDevice lanPhone = phone(commune, v.get(0), null, null);
        cohorts.verify(lan.id(), lanPhone.installCode(), ACTOR);
        registry.attestDemoInstall(lanPhone.deviceId()); // compliance needs an attested install (issue 15 §3)
        registry.heartbeat(lanPhone.deviceId(), lanPhone.deviceSecret(), new Heartbeat(true, "1.0.0"));
        CohortPerson minh = cohorts.register(commune, new NewPerson("[DEMO] Trần Văn Thử", "0900000002", null,
                v.get(1), "[DEMO] Số 2, xóm Thử", "CENTRALIZED_QUARANTINE", today.minusDays(5), today.plusDays(9)),
                ACTOR);
        cohorts.verify(minh.id(), phone(commune, v.get(1), null, null).installCode(), ACTOR);
        cohorts.register(commune, new NewPerson("[DEMO] Lê Thị Ví Dụ", "0900000003", null, v.get(1),
                "[DEMO] Số 3, xóm Ví Dụ", "TEST_DUE", today.minusDays(1), today.plusDays(2)), ACTOR);
        cohorts.register(commune, new NewPerson("[DEMO] Phạm Văn Giả Định", "0900000004", null, v.get(2),
                "[DEMO] Số 4, xóm Giả Định", "ARRIVAL", today, today.plusDays(14)), ACTOR);

        // 2. Door to door: households in three villages, some visited.
        String[][] heads = {
            {"[DEMO] Hộ ông Mẫu Văn An", "4", "3"}, {"[DEMO] Hộ bà Thử Thị Bình", "3", "2"},
            {"[DEMO] Hộ ông Ví Văn Dụ", "5", "2"}, {"[DEMO] Hộ bà Giả Thị Định", "2", "1"},
        };
        List<Household> listed = new ArrayList<>();
        for (int village = 0; village < 3; village++) {
            for (int i = 0; i < heads.length; i++) {
                listed.add(households.add(commune, v.get(village), heads[i][0] + " " + (village + 1),
                        "[DEMO] Xóm " + (i + 1), Integer.parseInt(heads[i][1]), Integer.parseInt(heads[i][2]), ACTOR));
            }
        }
        String branch = "[DEMO] Chi đoàn " + areas.name(v.get(0)).orElse(v.get(0));
        households.recordVisit(listed.get(0).id(), new NewVisit(today.minusDays(2), branch, 3, 1, 2, 0, null,
                "[DEMO] Hướng dẫn bật Bluetooth"), ACTOR);
        households.recordVisit(listed.get(1).id(), new NewVisit(today.minusDays(2), branch, 2, 0, 1, 1,
                "[DEMO] Máy quá cũ", null), ACTOR);
        households.recordVisit(listed.get(2).id(), new NewVisit(today.minusDays(1), branch, 2, 2, 0, 0, null, null),
                ACTOR);
        households.recordVisit(listed.get(4).id(), new NewVisit(today, "[DEMO] Chi đoàn thôn 2", 3, 0, 3, 0, null,
                null), ACTOR);

        // 4. Places with posters; installs that came with their codes.
        Place market = places.create(commune, v.get(0), "MARKET", "[DEMO] Chợ " + communeName.replace("Xã ", ""),
                "[DEMO] Ban quản lý chợ", ACTOR);
        Place oneStop = places.create(commune, null, "ONE_STOP_DESK", "[DEMO] Bộ phận một cửa UBND " + communeName,
                "[DEMO] Văn phòng UBND", ACTOR);
        Place health = places.create(commune, v.get(1), "HEALTH_STATION", "[DEMO] Trạm Y tế " + communeName,
                "[DEMO] Trưởng trạm", ACTOR);
        for (int i = 0; i < 4; i++) {
            places.recordView(market);
            phone(commune, v.get(0), null, market.code());
        }
        places.recordView(health);
        phone(commune, null, null, health.code());
        places.recordView(oneStop);

        // 3. Referrers: an official with the target of three and a volunteer who met it.
        RegisteredDevice official = phone(commune, v.get(0), null, null);
        referrals.register(commune, v.get(0), "[DEMO] Chi bộ thôn", "[DEMO] Cán bộ Mẫu Văn Một",
                official.referralCode(), true, null, ACTOR);
        RegisteredDevice volunteer = phone(commune, v.get(1), null, null);
        referrals.register(commune, v.get(1), "[DEMO] Đoàn Thanh niên xã", "[DEMO] Đoàn viên Thử Thị Hai",
                volunteer.referralCode(), true, null, ACTOR);
        phone(commune, v.get(0), official.referralCode(), null);
        for (int i = 0; i < 3; i++) {
            phone(commune, v.get(1), volunteer.referralCode(), null);
        }

        // 5. The one-stop desk over the last days.
        String deskName = "[DEMO] Một cửa UBND xã";
        desk.add(commune, deskName, "CIVIL_STATUS", today.minusDays(2), 3, ACTOR);
        desk.add(commune, deskName, "RESIDENCE", today.minusDays(1), 2, ACTOR);
        desk.add(commune, deskName, "CERTIFICATION", today, 4, ACTOR);

        // 7. A directive with tasks: one overdue, one done, two under way.
        Directive d = directives.create(commune, "01/KH-UBND (DEMO)", today.minusDays(10),
                "[DEMO] UBND " + communeName, "[DEMO] Triển khai cài đặt Bluezone trên địa bàn xã",
                "[DEMO] Văn bản minh hoạ, không phải văn bản thật.", List.of(
                        new NewTask("YOUTH_UNION", "[DEMO] Các chi đoàn thôn", "Đến từng hộ hướng dẫn cài đặt",
                                today.plusDays(5)),
                        new NewTask("POLICE", null, "Kiểm tra người cách ly tại nhà đã cài đặt", today.minusDays(2)),
                        new NewTask("HEALTH_STATION", null, "Hướng dẫn người cần xét nghiệm cài đặt",
                                today.plusDays(3)),
                        new NewTask("CULTURE_OFFICE", null, "Phát thanh kêu gọi hằng ngày", today.minusDays(1))),
                ACTOR);
        List<Task> tasks = directives.progress(d.id()).tasks().stream().map(t -> t.task()).toList();
        directives.postUpdate(task(tasks, TaskBody.YOUTH_UNION).id(), 40, "[DEMO] Đã đến 4/12 hộ trong danh sách",
                ACTOR);
        directives.postUpdate(task(tasks, TaskBody.CULTURE_OFFICE).id(), 100, "[DEMO] Đã phát sáng và chiều", ACTOR);

        // 6. Radio: a template with live figures, read morning and evening; yesterday's airing logged.
        RadioTemplate template = radio.addTemplate(commune, "[DEMO] Kêu gọi cài đặt theo thôn",
                "Thông báo của UBND xã: tính đến ngày {ngay}, {don_vi} đã có {so_cai_dat} người cài đặt Bluezone, "
                        + "đạt {ty_le} dân số; tuần qua thêm {tang_tuan} người. Đề nghị bà con chưa cài đặt liên hệ "
                        + "đoàn viên thanh niên của thôn để được hướng dẫn.", ACTOR);
        RadioSlot morning = radio.addSlot(commune, v.get(0), template.id(), "1-7", LocalTime.of(6, 0),
                "[DEMO] Loa " + areas.name(v.get(0)).orElse(v.get(0)), ACTOR);
        radio.addSlot(commune, commune, template.id(), "135", LocalTime.of(17, 30),
                "[DEMO] Đài truyền thanh xã", ACTOR);
        radio.recordAiring(morning.id(), today.minusDays(1).atTime(6, 0).atZone(clock.zone()).toInstant(),
                null, ACTOR);
    }

    private static Task task(List<Task> tasks, TaskBody body) {
        return tasks.stream().filter(t -> t.body() == body).findFirst().orElseThrow();
    }

    private RegisteredDevice phone(String commune, String villageCode, String referralCode, String placeCode) {
        Long villageId = villageCode == null ? null : Long.valueOf(villageCode.substring(1));
        RegisteredDevice d = registry.register(new DeviceRegistration("android", "1.0.0", null, commune, villageId,
                referralCode, placeCode));
        if (referralCode != null || placeCode != null) {
            // A referral or a place counts once the phone has run on two days (issue 15 §3): yesterday and today.
            java.time.Instant now = clock.clock().instant();
            registry.heartbeatAt(d.deviceId(), d.deviceSecret(), new Heartbeat(true, "1.0.0"),
                    now.minus(java.time.Duration.ofDays(1)));
            registry.heartbeatAt(d.deviceId(), d.deviceSecret(), new Heartbeat(true, "1.0.0"), now);
        }
        return d;
    }
}
