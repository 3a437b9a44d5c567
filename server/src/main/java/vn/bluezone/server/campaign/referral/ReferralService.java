package vn.bluezone.server.campaign.referral;

import static vn.bluezone.server.campaign.Rows.ts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.CampaignProperties;
import vn.bluezone.server.registry.DeviceDirectory;
import vn.bluezone.server.campaign.Fields;

/**
 * "Each user gets three more" (section 3). Every install has a referral code; an install registered with someone's
 * code counts for them once: the count is of distinct devices, a device names at most one referrer, and a device
 * naming its own code counts for nobody. Registered referrers get leaderboards per village and organisation, and
 * officials' and party members' progress against the target (default three).
 */
@Service
public class ReferralService {
    private final JdbcClient jdbc;
    private final Areas areas;
    private final DeviceDirectory devices;
    private final CampaignClock clock;
    private final CampaignProperties properties;

    public ReferralService(JdbcClient jdbc, Areas areas, DeviceDirectory devices, CampaignClock clock,
            CampaignProperties properties) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.devices = devices;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public Referrer register(String communeCode, String villageCode, String organisation, String displayName,
            String referralCode, boolean hasTarget, String account, String actor) {
        areas.requireName(communeCode);
        String village = Fields.optional(villageCode, "villageCode", 16);
        if (village != null && !areas.villagesOf(communeCode).containsKey(village)) {
            throw new CampaignProblem(ErrorCode.VILLAGE_NOT_IN_COMMUNE, "village " + village + " is not in commune "
                    + communeCode, "villageCode");
        }
        String code = referralCode == null ? "" : referralCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.isEmpty() || code.length() > 16 || !devices.referralCodeExists(code)) {
            throw new CampaignProblem(ErrorCode.UNKNOWN_REFERRAL_CODE, "no install was given the referral code '"
                    + referralCode + "'; copy it from the app's referral screen", "referralCode");
        }
        String name = Fields.required(displayName, "displayName", 200);
        String org = Fields.optional(organisation, "organisation", 200);
        try {
            jdbc.sql("INSERT INTO campaign_referrer (referral_code, commune_code, village_code, organisation, "
                    + "display_name, account, has_target, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(code, communeCode, village, org, name, account, hasTarget, actor, ts(clock.now()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new CampaignProblem(ErrorCode.REFERRER_EXISTS, "referral code " + code + " is already registered",
                    "referralCode");
        }
        return new Referrer(code, communeCode, village, org, name, hasTarget);
    }

    public List<Referrer> referrers(String communeCode) {
        return jdbc.sql("SELECT * FROM campaign_referrer WHERE commune_code = ? ORDER BY display_name")
                .param(communeCode).query((rs, n) -> new Referrer(rs.getString("referral_code"),
                        rs.getString("commune_code"), rs.getString("village_code"), rs.getString("organisation"),
                        rs.getString("display_name"), rs.getBoolean("has_target"))).list();
    }

    /** Referrers of a commune by guided installs, most first. */
    public List<ReferrerScore> leaderboard(String communeCode) {
        List<Referrer> list = referrers(communeCode);
        Map<String, Long> counts = devices.referralCounts(list.stream().map(Referrer::referralCode).toList());
        List<ReferrerScore> scores = new ArrayList<>();
        for (Referrer r : list) {
            scores.add(new ReferrerScore(r, counts.getOrDefault(r.referralCode(), 0L), properties.referralTarget()));
        }
        scores.sort(Comparator.comparingLong(ReferrerScore::installs).reversed()
                .thenComparing(s -> s.referrer().displayName()));
        return scores;
    }

    /** Officials and party members still under the target, furthest first. */
    public List<ReferrerScore> underTarget(String communeCode) {
        return leaderboard(communeCode).stream().filter(s -> !s.targetMet())
                .sorted(Comparator.comparingLong(ReferrerScore::installs)).toList();
    }

    public List<GroupScore> byVillage(String communeCode) {
        Map<String, String> names = areas.villagesOf(communeCode);
        return group(communeCode, r -> r.villageCode() == null ? "" : r.villageCode(),
                k -> k.isEmpty() ? "—" : names.getOrDefault(k, k));
    }

    public List<GroupScore> byOrganisation(String communeCode) {
        return group(communeCode, r -> r.organisation() == null ? "" : r.organisation(), k -> k.isEmpty() ? "—" : k);
    }

    private List<GroupScore> group(String communeCode, Function<Referrer, String> key,
            Function<String, String> label) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (ReferrerScore s : leaderboard(communeCode)) {
            long[] g = sums.computeIfAbsent(key.apply(s.referrer()), k -> new long[4]);
            g[0]++;
            g[1] += s.installs();
            if (s.referrer().hasTarget()) {
                g[2]++;
                g[3] += s.targetMet() ? 1 : 0;
            }
        }
        List<GroupScore> result = new ArrayList<>();
        sums.forEach((k, g) -> result.add(new GroupScore(k, label.apply(k), g[0], g[1], g[2], g[3])));
        result.sort(Comparator.comparingLong(GroupScore::installs).reversed().thenComparing(GroupScore::label));
        return result;
    }
}
