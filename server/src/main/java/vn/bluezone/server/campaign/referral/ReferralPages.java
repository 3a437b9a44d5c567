package vn.bluezone.server.campaign.referral;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignPageModel;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.console.RefusedForm;

/** Referrals: the leaderboard against the target, per village and organisation, and registering referrers. */
@Controller
public class ReferralPages {
    private final CampaignAccess access;
    private final CampaignPageModel page;
    private final Areas areas;
    private final CampaignClock clock;
    private final ReferralService referrals;

    public ReferralPages(CampaignAccess access, CampaignPageModel page, Areas areas, CampaignClock clock, ReferralService referrals) {
        this.access = access;
        this.page = page;
        this.areas = areas;
        this.clock = clock;
        this.referrals = referrals;
    }

    @GetMapping("/console/campaign/referrals")
    public String referralPage(@RequestParam(required = false) String commune, Model model) {
        Official o = access.require(STAFF);
        String c = page.commune(o, commune);
        if (c == null) {
            return page.chooseCommune(model, o, "/console/campaign/referrals", commune);
        }
        page.common(model, o, c);
        model.addAttribute("leaderboard", referrals.leaderboard(c));
        model.addAttribute("byVillage", referrals.byVillage(c));
        model.addAttribute("byOrganisation", referrals.byOrganisation(c));
        model.addAttribute("villages", areas.villagesOf(c));
        model.addAttribute("registrar", VISITORS.contains(o.role()));
        RefusedForm.blank(model, "referrerForm", ReferrerForm.EMPTY);
        return "campaign/referrals";
    }

    /** What the referrer form held, to show it again when refused. */
    public record ReferrerForm(String displayName, String referralCode, String villageCode, String organisation,
            boolean hasTarget) {
        static final ReferrerForm EMPTY = new ReferrerForm("", "", "", "", true);
    }

    /** Registers a referrer (an official, a party or union member) with the referral code their app shows. */
    @PostMapping("/console/campaign/referrals")
    public String addReferrer(@RequestParam String commune, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String referralCode, @RequestParam(required = false) String villageCode,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false, defaultValue = "false") boolean hasTarget, Model model,
            RedirectAttributes flash) {
        Official o = access.require(VISITORS, commune);
        try {
            referrals.register(commune, villageCode, organisation, displayName, referralCode, hasTarget, null,
                    o.username());
            flash.addFlashAttribute("info", page.text("campaign.referrals.added"));
            return "redirect:/console/campaign/referrals?commune=" + commune;
        } catch (CampaignProblem p) {
            return page.refused(model, p, "referrerForm", new ReferrerForm(displayName, referralCode, villageCode,
                    organisation, hasTarget), () -> referralPage(commune, model));
        }
    }
}
