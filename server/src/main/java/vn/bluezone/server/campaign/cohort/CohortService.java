package vn.bluezone.server.campaign.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.CampaignProperties;
import vn.bluezone.server.registry.DeviceDirectory;
import vn.bluezone.server.registry.DeviceStatus;
import vn.bluezone.server.campaign.Fields;

/**
 * People who must install (section 1). These are the only citizens' names and phone numbers Bluezone keeps, because
 * the law requires it for quarantine; so every read of a record is logged, and records are deleted
 * {@link CampaignProperties#cohortRetentionDays()} days after the person's end date. Callers check that the official
 * may see the commune and holds a role allowed to handle personal data.
 */
@Service
public class CohortService {
    private static final Pattern PHONE = Pattern.compile("0[35789][0-9]{8}|02[0-9]{9}");
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{9}|[0-9]{12}");

    private final CohortStore store;
    private final Areas areas;
    private final DeviceDirectory devices;
    private final CampaignClock clock;
    private final CampaignProperties properties;

    public CohortService(CohortStore store, Areas areas, DeviceDirectory devices, CampaignClock clock,
            CampaignProperties properties) {
        this.store = store;
        this.areas = areas;
        this.devices = devices;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public CohortPerson register(String communeCode, NewPerson p, String actor) {
        areas.requireName(communeCode);
        String name = Fields.required(p.fullName(), "fullName", 200);
        String phone = phone(p.phone());
        String idNumber = Fields.optional(p.idNumber(), "idNumber", 20);
        if (idNumber != null && !ID_NUMBER.matcher(idNumber).matches()) {
            throw new CampaignProblem(ErrorCode.BAD_ID_NUMBER, "the ID number has 9 (CMND) or 12 (CCCD) digits",
                    "idNumber");
        }
        String village = Fields.optional(p.villageCode(), "villageCode", 16);
        if (village != null) {
            areas.requireName(village);
            if (!areas.contains(communeCode, village) || village.equals(communeCode)) {
                throw new CampaignProblem(ErrorCode.VILLAGE_NOT_IN_COMMUNE, "village " + village
                        + " is not in commune " + communeCode, "villageCode");
            }
        }
        String address = Fields.required(p.address(), "address", 500);
        CohortKind cohort;
        try {
            cohort = CohortKind.parse(p.cohort());
        } catch (IllegalArgumentException e) {
            throw new CampaignProblem(ErrorCode.BAD_COHORT, e.getMessage() + "; one of "
                    + java.util.Arrays.toString(CohortKind.values()), "cohort");
        }
        if (p.startDate() == null) {
            throw new CampaignProblem(ErrorCode.FIELD_REQUIRED, "startDate is required", "startDate");
        }
        if (p.endDate() == null) {
            throw new CampaignProblem(ErrorCode.FIELD_REQUIRED, "endDate is required", "endDate");
        }
        if (p.endDate().isBefore(p.startDate())) {
            throw new CampaignProblem(ErrorCode.BAD_DATES, "the end date is before the start date", "endDate");
        }
        if (p.endDate().isBefore(retentionCutoff())) {
            throw new CampaignProblem(ErrorCode.ALREADY_EXPIRED, "this period ended more than "
                    + properties.cohortRetentionDays() + " days ago; such records are not kept", "endDate");
        }
        Instant now = clock.now();
        long id = store.add(communeCode, village, cohort, name, phone, idNumber, address, p.startDate(), p.endDate(),
                actor, now);
        store.logAccess(id, communeCode, actor, "CREATE", now, cohort.name());
        return store.find(id).orElseThrow();
    }

    /** A record, without logging: for scope checks before the real read. */
    public CohortPerson find(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** The answer for a missing record, and for one in another area (issue 15 §4: the same, so ids cannot be probed). */
    public static CampaignProblem notFound(long id) {
        return new CampaignProblem(ErrorCode.PERSON_NOT_FOUND,
                "no cohort record " + id + " (records are deleted after the cohort ends)");
    }

    /** Reads one record for an official; the read is logged. */
    @Transactional
    public PersonStatus view(long id, String actor) {
        CohortPerson p = find(id);
        store.logAccess(p.id(), p.communeCode(), actor, "VIEW", clock.now(), null);
        return status(List.of(p)).get(0);
    }

    /** The people of a commune with their install state; the listing is logged. */
    @Transactional
    public List<PersonStatus> list(String communeCode, String actor) {
        List<CohortPerson> people = store.inCommunes(List.of(communeCode));
        store.logAccess(null, communeCode, actor, "LIST", clock.now(), people.size() + " records");
        return status(people);
    }

    /** Links the record to the install whose app shows {@code installCode}: the install is verified. */
    @Transactional
    public PersonStatus verify(long id, String installCode, String actor) {
        CohortPerson p = find(id);
        String code = installCode == null ? "" : installCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new CampaignProblem(ErrorCode.FIELD_REQUIRED, "type or scan the install code shown in the app",
                    "installCode");
        }
        DeviceStatus device = devices.byInstallCode(code).orElseThrow(() -> new CampaignProblem(
                ErrorCode.INSTALL_CODE_UNKNOWN, "no install shows the code '" + installCode + "'; check it in the app",
                "installCode"));
        store.activeWithDevice(device.deviceId(), clock.today()).filter(other -> other.id() != p.id())
                .ifPresent(other -> {
                    throw new CampaignProblem(ErrorCode.DEVICE_ALREADY_LINKED, "this install is already verified for "
                            + "another person; each person needs the app on their own phone", "installCode");
                });
        Instant now = clock.now();
        store.verify(p.id(), device.deviceId(), actor, now);
        store.logAccess(p.id(), p.communeCode(), actor, "VERIFY", now, null);
        return status(List.of(store.find(p.id()).orElseThrow())).get(0);
    }

    /** People currently required who are not verified, or whose app went quiet or has Bluetooth off. */
    @Transactional
    public List<PersonStatus> needingVisit(String communeCode, String actor) {
        List<PersonStatus> result = status(store.inCommunes(List.of(communeCode))).stream()
                .filter(PersonStatus::needsVisit).toList();
        store.logAccess(null, communeCode, actor, "LIST", clock.now(), result.size() + " needing a visit");
        return result;
    }

    /**
     * Compliance today per unit: villages of a commune, or communes of a larger area. No personal data, so not
     * logged.
     */
    public List<ComplianceRow> compliance(String areaCode) {
        boolean commune = isCommuneLevel(areaCode);
        List<CohortPerson> people = commune ? store.inCommunes(List.of(areaCode))
                : store.all().stream().filter(p -> areaCode == null || areas.contains(areaCode, p.communeCode()))
                        .toList();
        Function<CohortPerson, String> key = commune
                ? p -> p.villageCode() == null ? p.communeCode() : p.villageCode()
                : CohortPerson::communeCode;
        LocalDate today = clock.today();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (PersonStatus s : status(people)) {
            if (!s.person().requiredOn(today)) {
                continue;
            }
            long[] c = counts.computeIfAbsent(key.apply(s.person()), k -> new long[4]);
            c[0]++;
            c[1] += s.person().verified() ? 1 : 0;
            c[2] += s.active() ? 1 : 0;
            c[3] += s.unattested() ? 1 : 0;
        }
        List<ComplianceRow> rows = new ArrayList<>();
        counts.forEach((unit, c) -> rows.add(new ComplianceRow(unit, areas.name(unit).orElse(unit), c[0], c[1],
                c[2], c[3])));
        rows.sort(java.util.Comparator.comparingDouble((ComplianceRow r) -> r.activeRate() == null ? 1
                : r.activeRate()).thenComparing(ComplianceRow::unitName));
        return rows;
    }

    private boolean isCommuneLevel(String code) {
        // Communes have 5-digit GSO codes; districts 3, provinces 2; villages are V<id>.
        return code != null && code.length() == 5 && code.chars().allMatch(Character::isDigit);
    }

    /** All records of an area for the steering committee, as CSV; the export is logged per commune. */
    @Transactional
    public String exportCsv(String areaCode, String actor) {
        List<CohortPerson> people = store.all().stream()
                .filter(p -> areaCode == null || areas.contains(areaCode, p.communeCode())).toList();
        List<PersonStatus> statuses = status(people);
        Instant now = clock.now();
        people.stream().map(CohortPerson::communeCode).distinct().forEach(c -> store.logAccess(null, c, actor,
                "EXPORT", now, people.stream().filter(p -> p.communeCode().equals(c)).count() + " records"));
        return CohortCsv.write(statuses, areas);
    }

    /** Deletes every record whose end date is more than the retention period before {@code today}. */
    @Transactional
    public int deleteExpired(LocalDate today) {
        LocalDate cutoff = today.minusDays(properties.cohortRetentionDays());
        int deleted = 0;
        Instant now = clock.now();
        for (CohortPerson p : store.endedBefore(cutoff)) {
            deleted += store.delete(p.id());
            store.logAccess(p.id(), p.communeCode(), "system", "AUTO_DELETE", now, "ended " + p.endDate()
                    + ", retention " + properties.cohortRetentionDays() + " days");
        }
        return deleted;
    }

    public List<AccessEntry> accessLog(long personId) {
        return store.accessLog(personId);
    }

    public List<AccessEntry> accessLogOfCommune(String communeCode, int limit) {
        return store.accessLogOfCommune(communeCode, limit);
    }

    private LocalDate retentionCutoff() {
        return clock.today().minusDays(properties.cohortRetentionDays());
    }

    private List<PersonStatus> status(List<CohortPerson> people) {
        Map<String, DeviceStatus> byId = devices.byIds(people.stream().map(CohortPerson::deviceId)
                .filter(Objects::nonNull).toList());
        Instant now = clock.now();
        LocalDate today = clock.today();
        List<PersonStatus> result = new ArrayList<>(people.size());
        for (CohortPerson p : people) {
            DeviceStatus d = p.deviceId() == null ? null : byId.get(p.deviceId());
            result.add(PersonStatus.of(p, d, now, today));
        }
        return result;
    }

    /** Vietnamese mobile (10 digits from 03, 05, 07, 08, 09) or landline (11 digits from 02); +84 accepted. */
    static String phone(String raw) {
        String p = raw == null ? "" : raw.replaceAll("[\\s.()-]", "");
        if (p.startsWith("+84")) {
            p = "0" + p.substring(3);
        } else if (p.startsWith("84") && p.length() == 11) {
            p = "0" + p.substring(2);
        }
        if (!PHONE.matcher(p).matches()) {
            throw new CampaignProblem(ErrorCode.BAD_PHONE, "the phone number must be a Vietnamese number, e.g. "
                    + "0912345678 or +84912345678", "phone");
        }
        return p;
    }
}
