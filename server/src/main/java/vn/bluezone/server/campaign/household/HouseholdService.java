package vn.bluezone.server.campaign.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.CsvLines;
import vn.bluezone.server.campaign.Fields;

/**
 * Door to door (section 2): households per village, created one by one or imported from CSV, and volunteers'
 * visits with progress per village, volunteer and youth-union branch. Callers check the official's scope.
 */
@Service
public class HouseholdService {
    static final int MAX_PEOPLE = 60;
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("thon", "village"), Map.entry("village", "village"),
            Map.entry("chu ho", "head"), Map.entry("head", "head"),
            Map.entry("dia chi", "address"), Map.entry("address", "address"),
            Map.entry("nhan khau", "members"), Map.entry("so nhan khau", "members"), Map.entry("members", "members"),
            Map.entry("dien thoai thong minh", "smartphones"), Map.entry("so dien thoai thong minh", "smartphones"),
            Map.entry("smartphones", "smartphones"));

    private final HouseholdStore store;
    private final Areas areas;
    private final CampaignClock clock;
    private final vn.bluezone.server.db.Savepoints savepoints;

    public HouseholdService(HouseholdStore store, Areas areas, CampaignClock clock,
            vn.bluezone.server.db.Savepoints savepoints) {
        this.savepoints = savepoints;
        this.store = store;
        this.areas = areas;
        this.clock = clock;
    }

    @Transactional
    public Household add(String communeCode, String villageCode, String head, String address, Integer members,
            Integer smartphones, String actor) {
        areas.requireName(communeCode);
        if (villageCode == null || !areas.villagesOf(communeCode).containsKey(villageCode)) {
            throw new CampaignProblem(ErrorCode.VILLAGE_NOT_IN_COMMUNE, "choose a village of commune " + communeCode,
                    "villageCode");
        }
        String h = Fields.required(head, "headName", 200);
        String a = Fields.required(address, "address", 500);
        int m = count(members, "members", 1, "members");
        int s = count(smartphones, "smartphones", 0, "smartphones");
        long id = store.add(communeCode, villageCode, h, a, m, s, actor, clock.now());
        return household(id);
    }

    /** {@code param} names the form field, so a refused form shows the message next to it (issue 13, problem 4). */
    private static int count(Integer v, String field, int min, String param) {
        if (v == null) {
            throw new CampaignProblem(ErrorCode.FIELD_REQUIRED, field + " is required", param);
        }
        if (v < min || v > MAX_PEOPLE) {
            throw new CampaignProblem(ErrorCode.BAD_COUNT, field + " must be between " + min + " and " + MAX_PEOPLE,
                    param);
        }
        return v;
    }

    public Household household(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** The answer for a missing household, and for one in another area (issue 15 §4). */
    public static CampaignProblem notFound(long id) {
        return new CampaignProblem(ErrorCode.HOUSEHOLD_NOT_FOUND, "no household " + id);
    }

    public List<Household> inVillage(String villageCode) {
        return store.inVillage(villageCode);
    }

    public List<Household> inCommune(String communeCode) {
        return store.inCommune(communeCode);
    }

    /**
     * Imports households from CSV with header {@code thon,chu_ho,dia_chi,nhan_khau,dien_thoai_thong_minh} (or the
     * English {@code village,head,address,members,smartphones}); the village by name ("Hà Lạc" or "Thôn Hà Lạc",
     * diacritics optional) or code ("V12"). All rows are checked first: with any bad row nothing is imported.
     */
    @Transactional
    public int importCsv(String communeCode, String csv, String actor) {
        areas.requireName(communeCode);
        List<List<String>> rows = CsvLines.parse(csv == null ? "" : csv);
        if (rows.isEmpty()) {
            throw new CampaignProblem(ErrorCode.IMPORT_EMPTY, "the file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String key = HEADERS.get(CsvLines.fold(header.get(i)).replace('_', ' '));
            if (key != null) {
                columns.put(key, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String c : List.of("village", "head", "address", "members", "smartphones")) {
            if (!columns.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new CampaignProblem(ErrorCode.IMPORT_BAD_HEADER, "line 1 must name the columns thon, chu_ho, "
                    + "dia_chi, nhan_khau, dien_thoai_thong_minh; missing: " + missing);
        }
        Map<String, String> villages = villageIndex(communeCode);
        List<ImportError> errors = new ArrayList<>();
        List<Object[]> good = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            Function<String, String> cell = c -> columns.get(c) < row.size() ? row.get(columns.get(c)) : "";
            String village = villages.get(CsvLines.fold(cell.apply("village")));
            if (village == null) {
                errors.add(new ImportError(line, ErrorCode.UNKNOWN_VILLAGE.name(), "village", cell.apply("village"),
                        "village '" + cell.apply("village") + "' is not a village of this commune"));
                continue;
            }
            String column = "head";
            try {
                String head = Fields.required(cell.apply(column), "headName", 200);
                column = "address";
                String address = Fields.required(cell.apply(column), "address", 500);
                column = "members";
                int members = count(number(cell.apply(column), "members"), "members", 1, null);
                column = "smartphones";
                int phones = count(number(cell.apply(column), "smartphones"), "smartphones", 0, null);
                good.add(new Object[] {village, head, address, members, phones});
            } catch (CampaignProblem p) {
                errors.add(new ImportError(line, p.code(), column, cell.apply(column), p.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        if (good.isEmpty()) {
            throw new CampaignProblem(ErrorCode.IMPORT_EMPTY, "the file has a header but no households");
        }
        Instant now = clock.now();
        for (Object[] g : good) {
            store.add(communeCode, (String) g[0], (String) g[1], (String) g[2], (Integer) g[3], (Integer) g[4], actor,
                    now);
        }
        return good.size();
    }

    private static Integer number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new CampaignProblem(ErrorCode.BAD_COUNT, field + " must be a whole number, not '" + s + "'");
        }
    }

    /** Folded names with and without the kind ("ha lac", "thon ha lac") and codes, to village code. */
    private Map<String, String> villageIndex(String communeCode) {
        Map<String, String> index = new HashMap<>();
        areas.villagesOf(communeCode).forEach((code, name) -> {
            index.put(CsvLines.fold(code), code);
            String folded = CsvLines.fold(name);
            index.put(folded, code);
            for (String kind : List.of("thon ", "to dan pho ", "ban ", "ap ", "khom ", "buon ", "lang ", "xom ",
                    "khu pho ")) {
                if (folded.startsWith(kind)) {
                    index.putIfAbsent(folded.substring(kind.length()), code);
                }
            }
        });
        return index;
    }

    /** Records a visit. The counts must add up: installed, newly installed and refused are phones present. */
    @Transactional
    public Visit recordVisit(long householdId, NewVisit v, String volunteer) {
        return recordVisit(householdId, v, volunteer, null);
    }

    /**
     * Records a visit sent from a phone's offline queue: a {@code clientRef} already stored returns that visit
     * instead of a second one (the phone did not get the first answer), so nothing counts twice.
     */
    @Transactional
    public Visit recordVisit(long householdId, NewVisit v, String volunteer, String clientRef) {
        String ref = clientRef == null || clientRef.isBlank() ? null : clientRef.strip();
        if (ref != null) {
            if (!ref.matches("[A-Za-z0-9-]{8,64}")) {
                throw new CampaignProblem(ErrorCode.BAD_CLIENT_REF, "the visit reference is 8-64 letters, digits, -");
            }
            var earlier = store.visitByClientRef(ref);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Household h = household(householdId);
        LocalDate day = v.visitedOn() == null ? clock.today() : v.visitedOn();
        if (day.isAfter(clock.today())) {
            throw new CampaignProblem(ErrorCode.VISIT_IN_FUTURE, "the visit date is in the future", "visitedOn");
        }
        if (v.isNobodyHome()) {
            String branch = Fields.optional(v.branch(), "branch", 200);
            String note = Fields.optional(v.note(), "note", 1000);
            long id;
            try {
                id = savepoints.attempt(() -> store.addVisit(h.id(), day, volunteer, branch, 0, 0, 0, 0, null, note,
                        clock.now(), ref, true));
            } catch (org.springframework.dao.DuplicateKeyException sameRefAtOnce) {
                return store.visitByClientRef(ref).orElseThrow(() -> sameRefAtOnce);
            }
            return store.visits(h.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        }
        int present = count(v.smartphonesPresent(), "smartphones present", 0, "smartphonesPresent");
        int already = count(orZero(v.alreadyInstalled()), "already installed", 0, "alreadyInstalled");
        int now = count(orZero(v.installedNow()), "installed during the visit", 0, "installedNow");
        int refused = count(orZero(v.refused()), "refused", 0, "refused");
        if (already + now + refused > present) {
            throw new CampaignProblem(ErrorCode.COUNTS_EXCEED_PHONES, "already installed (" + already
                    + ") + installed now (" + now + ") + refused (" + refused + ") is more than the " + present
                    + " smartphone(s) present", "smartphonesPresent");
        }
        String reason = Fields.optional(v.refusalReason(), "refusalReason", 500);
        if (refused > 0 && reason == null) {
            throw new CampaignProblem(ErrorCode.REASON_REQUIRED, "give the reason for the refusal", "refusalReason");
        }
        String branch = Fields.optional(v.branch(), "branch", 200);
        String note = Fields.optional(v.note(), "note", 1000);
        long id;
        try {
            id = savepoints.attempt(() -> store.addVisit(h.id(), day, volunteer, branch, present, already, now,
                    refused, reason, note, clock.now(), ref));
        } catch (org.springframework.dao.DuplicateKeyException sameRefAtOnce) {
            return store.visitByClientRef(ref).orElseThrow(() -> sameRefAtOnce);
        }
        return store.visits(h.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    private static Integer orZero(Integer v) {
        return v == null ? 0 : v;
    }

    public List<Visit> visits(long householdId) {
        return store.visits(household(householdId).id());
    }

    /** Per village of the commune: households listed, visited, phones seen and installs. */
    public List<Progress> byVillage(String communeCode) {
        List<Household> households = store.inCommune(communeCode);
        Map<Long, Visit> latest = latestVisits(communeCode);
        Map<String, String> names = areas.villagesOf(communeCode);
        Map<String, long[]> sums = new LinkedHashMap<>();
        names.keySet().forEach(code -> sums.put(code, new long[6]));
        for (Household h : households) {
            long[] s = sums.computeIfAbsent(h.villageCode(), k -> new long[6]);
            s[0]++;
            Visit v = latest.get(h.id());
            if (v != null) {
                add(s, v);
            }
        }
        List<Progress> result = new ArrayList<>();
        sums.forEach((code, s) -> result.add(new Progress(code, names.getOrDefault(code, code), s[0], s[1], s[2],
                s[3], s[4], s[5])));
        return result;
    }

    /** Per volunteer (or per branch): households they visited and what they found (latest visit per household). */
    public List<Progress> byVolunteer(String communeCode) {
        return grouped(communeCode, Visit::volunteer);
    }

    public List<Progress> byBranch(String communeCode) {
        return grouped(communeCode, v -> v.branch() == null ? "—" : v.branch());
    }

    private List<Progress> grouped(String communeCode, Function<Visit, String> key) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Visit v : latestVisits(communeCode).values()) {
            long[] s = sums.computeIfAbsent(key.apply(v), k -> new long[6]);
            s[0]++;
            add(s, v);
        }
        List<Progress> result = new ArrayList<>();
        sums.forEach((k, s) -> result.add(new Progress(k, k, s[0], s[1], s[2], s[3], s[4], s[5])));
        result.sort(Comparator.comparingLong(Progress::visited).reversed().thenComparing(Progress::label));
        return result;
    }

    private static void add(long[] s, Visit v) {
        s[1]++;
        s[2] += v.smartphonesPresent();
        s[3] += v.alreadyInstalled();
        s[4] += v.installedNow();
        s[5] += v.refused();
    }

    /** Households of a village (or the whole commune when villageCode is null) with no visit yet. */
    public List<Household> notVisited(String communeCode, String villageCode) {
        Set<Long> visited = new HashSet<>(latestVisits(communeCode).keySet());
        return store.inCommune(communeCode).stream()
                .filter(h -> villageCode == null || h.villageCode().equals(villageCode))
                .filter(h -> !visited.contains(h.id())).toList();
    }

    /**
     * The latest visit of each visited household: a second visit replaces what the first found. "Nobody home" is
     * an attempt, not a visit: it neither counts nor replaces what an earlier visit found.
     */
    private Map<Long, Visit> latestVisits(String communeCode) {
        Map<Long, Visit> latest = new LinkedHashMap<>();
        for (Visit v : store.visitsInCommune(communeCode)) {
            if (!v.nobodyHome()) {
                latest.put(v.householdId(), v);
            }
        }
        return latest;
    }

    /** Households of a commune where the latest attempt found nobody at home (and none was visited since). */
    public Map<Long, LocalDate> nobodyHome(String communeCode) {
        Map<Long, LocalDate> out = new LinkedHashMap<>();
        for (Visit v : store.visitsInCommune(communeCode)) {
            if (v.nobodyHome()) {
                out.put(v.householdId(), v.visitedOn());
            } else {
                out.remove(v.householdId());
            }
        }
        return out;
    }
}
