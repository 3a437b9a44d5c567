package vn.bluezone.server.campaign.place;

import vn.bluezone.api.ErrorCode;
import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bluezone.server.PublicUrl;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignPageModel;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.console.RefusedForm;

/**
 * The places page: installs per place, and posters. The page shows the address every poster will carry before
 * anyone prints; without a public address ({@code bluezone.public-url}) it says so, naming the setting, and the
 * poster links are not offered. A poster asked for anyway comes back to the page with the refusal, never a PDF with
 * a dead QR code.
 */
@Controller
public class PlacePages {
    private final CampaignAccess access;
    private final CampaignPageModel page;
    private final Areas areas;
    private final PlaceService places;

    public PlacePages(CampaignAccess access, CampaignPageModel page, Areas areas, PlaceService places) {
        this.access = access;
        this.page = page;
        this.areas = areas;
        this.places = places;
    }

    @GetMapping("/console/campaign/places")
    public String placePage(@RequestParam(required = false) String commune, Model model) {
        Official o = access.require(STAFF);
        String c = page.commune(o, commune);
        if (c == null) {
            return page.chooseCommune(model, o, "/console/campaign/places", commune);
        }
        page.common(model, o, c);
        model.addAttribute("rows", places.table(c));
        model.addAttribute("villages", areas.villagesOf(c));
        model.addAttribute("kinds", PlaceKind.values());
        model.addAttribute("manager", CampaignAccess.MANAGERS.contains(o.role()));
        model.addAttribute("posterAddress", places.posterAddress().orElse(null));
        model.addAttribute("publicUrlSetting", PublicUrl.SETTING);
        model.addAttribute("publicUrlEnvironment", PublicUrl.ENVIRONMENT);
        RefusedForm.blank(model, "placeForm", PlaceForm.EMPTY);
        return "campaign/places";
    }

    /** What the place form held, to show it again when refused. */
    public record PlaceForm(String name, String kind, String villageCode, String contact) {
        static final PlaceForm EMPTY = new PlaceForm("", "", "", "");
    }

    @PostMapping("/console/campaign/places")
    public String addPlace(@RequestParam String commune, @RequestParam(required = false) String villageCode,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
            @RequestParam(required = false) String contact, Model model, RedirectAttributes flash) {
        Official o = access.require(MANAGERS, commune);
        try {
            Place p = places.create(commune, villageCode, kind, name, contact, o.username());
            flash.addFlashAttribute("info", page.text("campaign.places.added"));
            return "redirect:/console/campaign/places?commune=" + p.communeCode();
        } catch (CampaignProblem p) {
            return page.refused(model, p, "placeForm", new PlaceForm(name, kind, villageCode, contact),
                    () -> placePage(commune, model));
        }
    }

    /** The poster for the console's own link: a refusal goes back to the page in the reader's language. */
    @GetMapping("/console/campaign/places/{id}/poster.pdf")
    public Object poster(@PathVariable long id, @RequestParam(defaultValue = "A4") String size,
            RedirectAttributes flash) {
        access.requireRecord(STAFF, () -> places.place(id).communeCode(), () -> PlaceService.notFound(id));
        Place place = places.place(id);
        try {
            PaperSize paper = PaperSize.parse(size);
            return PlaceApi.pdf(places.poster(place, paper), "poster-" + place.code() + "-" + paper + ".pdf");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", page.problem(new CampaignProblem(ErrorCode.BAD_PAPER_SIZE,
                    e.getMessage())));
        } catch (CampaignProblem p) {
            flash.addFlashAttribute("error", page.problem(p));
        }
        return "redirect:/console/campaign/places?commune=" + place.communeCode();
    }
}
