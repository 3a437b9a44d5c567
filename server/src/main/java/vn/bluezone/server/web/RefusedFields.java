package vn.bluezone.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ApiError;

/**
 * Names what a refused console request got wrong, in the reader's language: each field or parameter by its label
 * (bundle key {@code field.<name>}, the name as the form or query spells it, indexes and paths dropped) and the
 * problem by its code ({@code error.problem.<CODE>}, else the feature's own {@code campaign.error.<CODE>} or
 * {@code accounts.error.<CODE>}). Never a Java, enum or parameter name: a field without a label is left unnamed
 * ({@code RefusedFieldsTest} checks that every console parameter has one).
 */
@Component
public class RefusedFields {
    private static final List<String> PROBLEM_PREFIXES = List.of("error.problem.", "campaign.error.", "accounts.error.");
    private final MessageSource messages;

    public RefusedFields(MessageSource messages) {
        this.messages = messages;
    }

    /** "Ngày" for {@code day}, {@code taskDeadline[2]} or {@code form.day}; empty when the bundle has no label. */
    public Optional<String> label(String field, Locale locale) {
        if (field == null || field.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(messages.getMessage("field." + baseName(field), null, null, locale));
    }

    /** The problem a code stands for, in words; empty when no bundle knows it. */
    public Optional<String> problem(String code, Locale locale) {
        for (String prefix : PROBLEM_PREFIXES) {
            String m = messages.getMessage(prefix + code, null, null, locale);
            if (m != null) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** One line per refused field: «Ngày»: not a real day. Fields without a label are left out. */
    public List<String> lines(ApiError error, Locale locale) {
        List<String> lines = new ArrayList<>();
        String problem = problem(error.error(), locale)
                .orElseGet(() -> messages.getMessage("error.problem.default", null, locale));
        for (ApiError.FieldProblem f : error.fields()) {
            label(f.field(), locale).ifPresent(l -> {
                String line = messages.getMessage("error.field.line", new Object[] {l, problem}, locale);
                if (!lines.contains(line)) {
                    lines.add(line);
                }
            });
        }
        return lines;
    }

    static String baseName(String field) {
        String f = field.replaceAll("\\[[^]]*]", "");
        int dot = f.lastIndexOf('.');
        return dot < 0 ? f : f.substring(dot + 1);
    }
}
