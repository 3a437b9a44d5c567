package vn.bluezone.server.campaign;

import vn.bluezone.server.registry.Areas;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ErrorStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.problem.DomainException;

/**
 * What every campaign page shares, for the feature folders' {@code XPages} controllers: the official, the commune
 * and its name, today, the language links; texts and refusals in the reader's language; the commune a page shows.
 */
@Component
public class CampaignPageModel {
    private final CampaignAccess access;
    private final Areas areas;
    private final CampaignClock clock;
    private final MessageSource messages;

    public CampaignPageModel(CampaignAccess access, Areas areas, CampaignClock clock, MessageSource messages) {
        this.access = access;
        this.areas = areas;
        this.clock = clock;
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
    }

    /** A refusal in the reader's language when the bundle knows its code, else the service's own words. */
    public String problem(DomainException p) {
        return messages.getMessage("campaign.error." + p.code(), null, p.getMessage(),
                LocaleContextHolder.getLocale());
    }

    /** The commune a page shows: the official's own, or the one asked for (in scope) by higher levels. */
    public String commune(Official o, String requested) {
        String c = requested != null && !requested.isBlank() ? requested.trim() : o.areaCode();
        if (c == null) {
            throw new CampaignProblem(ErrorCode.COMMUNE_REQUIRED, "choose a commune (?commune=GSO code)");
        }
        if (!access.maySee(o, c)) {
            throw new CampaignProblem(ErrorCode.OUT_OF_SCOPE, "unit " + c + " is outside your area");
        }
        return c;
    }

    public void common(Model model, Official o, String commune) {
        model.addAttribute("official", o);
        model.addAttribute("commune", commune);
        model.addAttribute("communeName", commune == null ? "" : areas.name(commune).orElse(commune));
        model.addAttribute("today", clock.today());
        model.addAttribute("langVi", languageLink("vi"));
        model.addAttribute("langEn", languageLink("en"));
    }

    /** Runs a short form's action: the message on success, the refusal otherwise (a 403 stays a 403). */
    public void attempt(RedirectAttributes flash, String ok, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("info", ok);
        } catch (CampaignProblem p) {
            if (ErrorStatus.isForbidden(p)) {
                throw p;
            }
            flash.addFlashAttribute("error", problem(p));
        }
    }

    /** This page in another language; after a refused form (a POST), the campaign's home page. */
    static String languageLink(String lang) {
        HttpServletRequest req = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        UriComponentsBuilder b = "GET".equals(req.getMethod()) ? ServletUriComponentsBuilder.fromRequest(req)
                : ServletUriComponentsBuilder.fromContextPath(req).path("/console/campaign");
        UriComponents u;
        try {
            u = b.replaceQueryParam("lang", lang).build(true);
        } catch (IllegalArgumentException e) {
            u = b.replaceQuery("lang=" + lang).build(true);
        }
        return u.getPath() + "?" + u.getQuery();
    }
}
