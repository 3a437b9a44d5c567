package vn.bluezone.server.console;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A console form drawn again (issue 13, problem 4): empty the first time, or after a refusal with what was typed, the
 * message next to the refused field ({@code fieldErrors}, which the templates read) and the "not saved" line at the
 * top ({@code error}). Which refusals are shown this way, and in which words, is the feature's choice.
 */
public final class RefusedForm {
    /** The {@code fieldErrors} key of a refusal that names no field: shown at the top of the form. */
    public static final String WHOLE_FORM = "form";

    private RefusedForm() {
    }

    /** A form drawn for the first time: empty, no field refused. */
    public static void blank(Model model, String formName, Object empty) {
        if (!model.containsAttribute(formName)) {
            model.addAttribute(formName, empty);
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
    }

    /**
     * The page as {@code view} draws it, with {@code form} (under {@code formName}) as typed, {@code message} next to
     * {@code field}, {@code notSaved} at the top, answered with {@code status} (the caller's 4xx:
     * only controllers and the campaign page helper know HTTP statuses).
     */
    public static String show(Model model, String formName, Object form, String field, String message,
                              String notSaved, int status, Supplier<String> view) {
        model.addAttribute(formName, form);
        model.addAttribute("fieldErrors", Map.of(field, message));
        String name = view.get();
        model.addAttribute("error", notSaved);
        var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        if (attributes.getResponse() != null) {
            attributes.getResponse().setStatus(status);
        }
        return name;
    }
}
