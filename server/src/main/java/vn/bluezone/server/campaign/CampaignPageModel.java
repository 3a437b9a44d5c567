package vn.bluezone.server.campaign;

import vn.bluezone.server.registry.Areas;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ErrorStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.bluezone.server.console.RefusedForm;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import vn.bluezone.server.accounts.AreaPicker;
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
    private final AreaPicker picker;
    /** The commune picker's field: its selects send communeProvince, communeDistrict, communeCommune. */
    static final String CHOICE = "commune";
    private static final Set<String> TYPED_NOT_FOUND = Set.of(ErrorCode.INSTALL_CODE_UNKNOWN.name());
    /** GSO codes of a province (2 digits) or district (3 digits): a commune page needs a commune within them. */
    private static final Pattern ABOVE_COMMUNE = Pattern.compile("\\d{2,3}");

    public CampaignPageModel(CampaignAccess access, Areas areas, CampaignClock clock, MessageSource messages,
            AreaPicker picker) {
        this.picker = picker;
        this.access = access;
        this.areas = areas;
        this.clock = clock;
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
    }

    /**
     * A refusal in the reader's language when the bundle knows its code (the campaign's words first, then the
     * console's common {@code error.problem.*}), else the service's own words.
     */
    public String problem(DomainException p) {
        Locale locale = LocaleContextHolder.getLocale();
        String general = messages.getMessage("error.problem." + p.code(), null, p.getMessage(), locale);
        return messages.getMessage("campaign.error." + p.code(), null, general, locale);
    }

    /**
     * The form field a refusal is shown next to: the one the service named ({@link DomainException#field()}, the
     * JSON property and form input share their names), else the top of the form. Never read from the message.
     */
    public static String fieldOf(DomainException p) {
        return p.field() != null ? p.field() : RefusedForm.WHOLE_FORM;
    }

    /** {@link #refused(Model, CampaignProblem, String, Object, String, Supplier)} next to the field it names. */
    public String refused(Model model, CampaignProblem p, String formName, Object form, Supplier<String> view) {
        return refused(model, p, formName, form, fieldOf(p), view);
    }

    /**
     * A refused form shown again (issue 13, problem 4): the page as {@code view} draws it, with what was typed
     * ({@code form} under {@code formName}), the refusal next to {@code field} (in {@code fieldErrors}), the general
     * "not saved" line at the top, with the refusal's status (400 or 409). Anything else that is not about what
     * was typed (403, a missing record's 404, 5xx) is rethrown and answered as before.
     */
    public String refused(Model model, CampaignProblem p, String formName, Object form, String field,
            Supplier<String> view) {
        return refused(model, p, formName, form, field, problem(p), view);
    }

    /** {@link #refused(Model, CampaignProblem, String, Object, String, Supplier)} with the form's own message. */
    public String refused(Model model, CampaignProblem p, String formName, Object form, String field,
            String message, Supplier<String> view) {
        // An install code no phone shows is a 404 in the API (it names a missing install), but on a form it is
        // what was typed: shown at its field like any bad value.
        HttpStatus status = TYPED_NOT_FOUND.contains(p.code()) ? HttpStatus.BAD_REQUEST : ErrorStatus.of(p);
        if (status != HttpStatus.BAD_REQUEST && status != HttpStatus.CONFLICT) {
            throw p;
        }
        return RefusedForm.show(model, formName, form, field, message, text("campaign.form.refused"),
                status.value(), view);
    }

    /**
     * The commune a page shows: the official's own, or the one asked for (in scope) by higher levels. Null when an
     * official above the commune (district, province, country) has not named one, or named their province or
     * district: the page then offers {@link #chooseCommune} instead of an error page. A unit outside the official's
     * area stays 403 OUT_OF_SCOPE.
     */
    public String commune(Official o, String requested) {
        String c = requested != null && !requested.isBlank() ? requested.trim() : o.areaCode();
        if (c != null && !access.maySee(o, c)) {
            throw new CampaignProblem(ErrorCode.OUT_OF_SCOPE, "unit " + c + " is outside your area");
        }
        return c == null || ABOVE_COMMUNE.matcher(c).matches() ? null : c;
    }

    /**
     * The commune picker in place of a commune-only page ({@code path}, e.g. {@code /console/campaign/places}) for an
     * official above the commune: the {@link AreaPicker} limited to their own area, submitted (GET) to the page
     * itself. A chosen commune leads to the page for it ({@code ?commune=}); the choice is checked like any commune
     * asked for, so no commune outside the official's area is reached.
     */
    public String chooseCommune(Model model, Official o, String path, String requested) {
        HttpServletRequest req = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String picked = picker.chosen(CHOICE, req::getParameter);
        boolean submitted = AreaPicker.params(CHOICE).stream().anyMatch(n -> req.getParameter(n) != null);
        boolean nextLevel = req.getParameter(AreaPicker.PICK) != null;
        if (picked != null && !ABOVE_COMMUNE.matcher(picked).matches() && !nextLevel) {
            if (!access.maySee(o, picked)) {
                throw new CampaignProblem(ErrorCode.OUT_OF_SCOPE, "unit " + picked + " is outside your area");
            }
            return "redirect:" + path + "?commune=" + picked;
        }
        common(model, o, null);
        String start = picked != null ? picked : requested != null && !requested.isBlank() ? requested.trim() : null;
        model.addAttribute("picker", picker.view(o, CHOICE, start));
        model.addAttribute("action", path);
        model.addAttribute("pageName", text("campaign.nav." + path.substring(path.lastIndexOf('/') + 1)));
        model.addAttribute("pickerError", submitted && !nextLevel ? text("campaign.choose.communeRequired") : null);
        return "campaign/choose-commune";
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
