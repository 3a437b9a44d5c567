package vn.bluezone.server.campaign.radio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.registry.AreaSnapshot;
import vn.bluezone.server.campaign.CampaignProblem;

/** A template body with {@code {placeholders}}: checked when saved, filled with live figures when read. */
public final class ScriptTemplate {
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    static final int MAX_LENGTH = 4000;
    /** The template's text as the JSON body and the form name it: what {@link #validate} refuses. */
    static final String BODY = "body";

    private ScriptTemplate() {
    }

    /** Checks a body: not blank, not too long, braces balanced, every placeholder known. */
    public static void validate(String body) {
        if (body == null || body.isBlank()) {
            throw new CampaignProblem(ErrorCode.TEMPLATE_EMPTY, "the announcement text is empty", BODY);
        }
        if (body.length() > MAX_LENGTH) {
            throw new CampaignProblem(ErrorCode.TEMPLATE_TOO_LONG, "the announcement text is longer than "
                    + MAX_LENGTH + " characters", BODY);
        }
        List<String> unknown = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            if (Placeholder.byKey(m.group(1).trim()).isEmpty()) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new CampaignProblem(ErrorCode.TEMPLATE_UNKNOWN_PLACEHOLDER, "unknown placeholder(s) " + unknown
                    + "; known: " + known(), BODY);
        }
        String stripped = TOKEN.matcher(body).replaceAll("");
        if (stripped.indexOf('{') >= 0 || stripped.indexOf('}') >= 0) {
            throw new CampaignProblem(ErrorCode.TEMPLATE_BRACES, "a '{' or '}' is not part of a {placeholder}",
                    BODY);
        }
    }

    public static Set<Placeholder> placeholders(String body) {
        Set<Placeholder> used = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            Placeholder.byKey(m.group(1).trim()).ifPresent(used::add);
        }
        return used;
    }

    /**
     * The script to read out. A placeholder whose figure is unknown (no population entered for the unit) makes the
     * whole script unusable: a 409 {@code FIGURES_MISSING} names what to enter.
     */
    public static String fill(String body, AreaSnapshot snapshot) {
        List<String> missing = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            Placeholder p = Placeholder.byKey(m.group(1).trim()).orElseThrow(() -> new CampaignProblem(
                    ErrorCode.TEMPLATE_UNKNOWN_PLACEHOLDER, "unknown placeholder " + m.group()));
            String value = p.valueFor(snapshot).orElse(null);
            if (value == null) {
                missing.add(p.token());
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new CampaignProblem(ErrorCode.FIGURES_MISSING, snapshot.unitName() + " has no figure for "
                    + String.join(", ", missing) + ": enter the unit's population or smartphone users first");
        }
        return out.toString();
    }

    private static String known() {
        List<String> keys = new ArrayList<>();
        for (Placeholder p : Placeholder.values()) {
            keys.add(p.token());
        }
        return String.join(" ", keys);
    }
}
