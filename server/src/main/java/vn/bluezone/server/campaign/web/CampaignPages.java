package vn.bluezone.server.campaign.web;

import static vn.bluezone.server.campaign.CampaignAccess.COHORT_READERS;
import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignPageModel;
import vn.bluezone.server.campaign.demo.CampaignDemoData;

/**
 * The campaign's hub page. Every other campaign page lives in its feature folder ({@code place/PlacePages},
 * {@code radio/RadioPages}, {@code cohort/CohortPages}, {@code household/HouseholdPages},
 * {@code directive/DirectivePages}, {@code desk/DeskPages}, {@code referral/ReferralPages}), sharing
 * {@link CampaignPageModel}; all are scoped like the APIs (a page or form outside the official's role or area is a
 * 403) and take their texts from the bundles ({@code campaign.*}).
 */
@Controller
public class CampaignPages {
    private final CampaignAccess access;
    private final CampaignPageModel page;
    private final CampaignDemoData demo;

    public CampaignPages(CampaignAccess access, CampaignPageModel page, CampaignDemoData demo) {
        this.access = access;
        this.page = page;
        this.demo = demo;
    }

    @GetMapping("/console/campaign")
    public String hub(Model model) {
        Official o = access.require(STAFF);
        page.common(model, o, o.areaCode());
        model.addAttribute("cohorts", COHORT_READERS.contains(o.role()));
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        model.addAttribute("visitor", VISITORS.contains(o.role()));
        model.addAttribute("demo", demo.isLoaded());
        return "campaign/hub";
    }
}
