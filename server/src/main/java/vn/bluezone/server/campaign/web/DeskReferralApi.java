package vn.bluezone.server.campaign.web;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.desk.DeskEntry;
import vn.bluezone.server.campaign.desk.DeskService;
import vn.bluezone.server.campaign.desk.DeskTotal;
import vn.bluezone.server.campaign.referral.GroupScore;
import vn.bluezone.server.campaign.referral.ReferralService;
import vn.bluezone.server.campaign.referral.Referrer;
import vn.bluezone.server.campaign.referral.ReferrerScore;

/** The one-stop desk's quick entry and totals; referral leaderboards and targets. */
@RestController
@RequestMapping("/api/v1/admin/campaign")
public class DeskReferralApi {
    private final DeskService desk;
    private final ReferralService referrals;
    private final CampaignAccess access;
    private final CampaignClock clock;

    public DeskReferralApi(DeskService desk, ReferralService referrals, CampaignAccess access, CampaignClock clock) {
        this.desk = desk;
        this.referrals = referrals;
        this.access = access;
        this.clock = clock;
    }

    public record NewDeskEntry(String desk, String procedure, LocalDate day, Integer installs) {
    }

    public record DeskReport(LocalDate from, LocalDate to, List<DeskTotal> perDesk, List<DeskTotal> perDeskAndDay) {
    }

    public record NewReferrer(String villageCode, String organisation, String displayName, String referralCode,
            Boolean hasTarget) {
    }

    public record ReferralReport(List<ReferrerScore> leaderboard, List<GroupScore> byVillage,
            List<GroupScore> byOrganisation, List<ReferrerScore> underTarget) {
    }

    @PostMapping("/communes/{commune}/desk-entries")
    @ResponseStatus(HttpStatus.CREATED)
    public DeskEntry addDesk(@PathVariable String commune, @RequestBody NewDeskEntry e) {
        Official o = access.require(MANAGERS, commune);
        return desk.add(commune, e.desk(), e.procedure(), e.day(), e.installs(), o.username());
    }

    @GetMapping("/communes/{commune}/desk-totals")
    public DeskReport deskTotals(@PathVariable String commune,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.require(STAFF, commune);
        LocalDate t = to == null ? clock.today() : to;
        LocalDate f = from == null ? t.minusDays(6) : from;
        if (t.isBefore(f)) {
            throw CampaignProblem.badRequest(ErrorCode.BAD_RANGE, "'to' is before 'from'");
        }
        return new DeskReport(f, t, desk.perDesk(commune, f, t), desk.perDeskAndDay(commune, f, t));
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
