package vn.bluezone.server.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The area picker of the console's forms (issue 13: officials never type GSO codes): cascading selects province →
 * district → commune, each unit by its full name with its level ("Xã Quảng Ngạn") in Vietnamese dictionary order,
 * offering only what the signed-in official may act on. The levels at and above the official's own area are fixed
 * (shown, not chosen). A form field {@code unit} posts {@code unitProvince}, {@code unitDistrict} and
 * {@code unitCommune}; {@link #chosen} reads them back as one code. Without JavaScript the form's
 * {@value #PICK} button re-renders it with the next level filled; {@code /js/area-picker.js} fills it in place from
 * {@link AreaPickerController}. Choosing is not permission: the form's own checks still authorise the code.
 */
@Component
public class AreaPicker {
    /** The submit button that only re-renders the form with the next level (no JavaScript). */
    public static final String PICK = "pick";
    /** The deepest level a picker offers: the commune. */
    public static final int COMMUNE = 3;
    private static final List<String> LEVELS = List.of("Province", "District", "Commune");
    private static final List<Pattern> CODES = List.of(Pattern.compile("\\d{2}"), Pattern.compile("\\d{3}"),
            Pattern.compile("\\d{5}"));

    private final AreaScope scope;

    public AreaPicker(AreaScope scope) {
        this.scope = scope;
    }

    /** One level of the picker: a select, or the official's own unit shown as text (and posted hidden). */
    public record Level(String param, int depth, boolean fixed, List<AreaOption> options, String selected) {
    }

    /**
     * What the template draws ({@code console/fragments :: areaPicker}).
     *
     * @param chosenName the chosen unit with the units above it, nearest first ("Xã Quảng Ngạn, Huyện Quảng Điền,
     *                   Tỉnh Thừa Thiên Huế"); empty when nothing is chosen
     */
    public record View(String field, List<Level> levels, String chosen, String chosenName) {
    }

    /** The parameters the selects of {@code field} post, province first. */
    public static List<String> params(String field) {
        return LEVELS.stream().map(l -> field + l).toList();
    }

    /**
     * The unit the selects name: the deepest level whose code is of its level and lies inside the level chosen above
     * it (a district left over from another province is dropped, as is everything below it); null when none.
     */
    public String chosen(String field, Function<String, String> param) {
        String chosen = null;
        List<String> names = params(field);
        for (int i = 0; i < names.size(); i++) {
            String v = param.apply(names.get(i));
            if (v == null || v.isBlank()) {
                continue;
            }
            v = v.strip();
            if (!CODES.get(i).matcher(v).matches()
                    || (chosen != null && !scope.hierarchy().contains(chosen, v))) {
                break;
            }
            chosen = v;
        }
        return chosen;
    }

    /** The picker of {@code field} for {@code viewer}, {@code chosen} selected when the viewer may act on it. */
    public View view(Official viewer, String field, String chosen) {
        AdministrativeHierarchy h = scope.hierarchy();
        List<AreaOption> fixed = viewer.isNational() ? List.of() : h.chain(viewer.areaCode());
        List<AreaOption> picked = chosen == null || !scope.maySee(viewer, chosen) ? fixed : h.chain(chosen);
        List<Level> levels = new ArrayList<>();
        String parent = null;
        for (int depth = 1; depth <= COMMUNE; depth++) {
            String param = field + LEVELS.get(depth - 1);
            if (depth <= fixed.size()) {
                AreaOption own = fixed.get(depth - 1);
                levels.add(new Level(param, depth, true, List.of(own), own.code()));
                parent = own.code();
                continue;
            }
            List<AreaOption> options = depth == 1 || parent != null ? options(viewer, parent) : List.of();
            String selected = picked.size() >= depth ? picked.get(depth - 1).code() : "";
            levels.add(new Level(param, depth, false, options, selected));
            parent = selected.isEmpty() ? null : selected;
        }
        List<String> names = new ArrayList<>();
        picked.forEach(o -> names.add(0, o.name()));
        String code = picked.isEmpty() ? null : picked.get(picked.size() - 1).code();
        return new View(field, List.copyOf(levels), code, String.join(", ", names));
    }

    /** The units directly under {@code parent} (the provinces for null) that {@code viewer} may act on. */
    public List<AreaOption> options(Official viewer, String parent) {
        return scope.hierarchy().children(parent).stream().filter(o -> scope.maySee(viewer, o.code())).toList();
    }
}
