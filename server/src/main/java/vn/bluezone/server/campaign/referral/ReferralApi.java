package vn.bluezone.server.campaign.referral;

import static vn.bluezone.server.campaign.CampaignAccess.STAFF;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;

/** Referrers (officials' volunteers, organisations) and the referral leaderboards and targets. */
@RestController
@RequestMapping("/api/v1/admin/campaign")
public class ReferralApi {
    private final ReferralService referrals;
    private final CampaignAccess access;

    public ReferralApi(ReferralService referrals, CampaignAccess access) {
        this.referrals = referrals;
        this.access = access;
    }

    public record NewReferrer(String villageCode, String organisation, String displayName, String referralCode,
            Boolean hasTarget) {
    }

    public record ReferralReport(List<ReferrerScore> leaderboard, List<GroupScore> byVillage,
            List<GroupScore> byOrganisation, List<ReferrerScore> underTarget) {
    }

    @PostMapping("/communes/{commune}/referrers")
    @ResponseStatus(HttpStatus.CREATED)
    public Referrer addReferrer(@PathVariable String commune, @RequestBody NewReferrer r) {
        Official o = access.require(VISITORS, commune);
        return referrals.register(commune, r.villageCode(), r.organisation(), r.displayName(), r.referralCode(),
                r.hasTarget() == null || r.hasTarget(), null, o.username());
    }

    @GetMapping("/communes/{commune}/referrals")
    public ReferralReport referrals(@PathVariable String commune) {
        access.require(STAFF, commune);
        return new ReferralReport(referrals.leaderboard(commune), referrals.byVillage(commune),
                referrals.byOrganisation(commune), referrals.underTarget(commune));
    }
}
