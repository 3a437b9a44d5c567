package vn.bluezone.protocol.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.bluezone.protocol.ReportType;

/**
 * The JSON form of {@link RiskConfiguration}: strict binding (every field required unless noted, unknown fields
 * rejected, types checked) with errors that name the field by its JSON path, and a canonical writer.
 */
final class RiskConfigurationJson {
    private static final Map<ReportType, String> REPORT_TYPE_NAMES = new EnumMap<>(Map.of(
            ReportType.UNKNOWN, "unknown",
            ReportType.CONFIRMED_TEST, "confirmedTest",
            ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, "confirmedClinicalDiagnosis",
            ReportType.SELF_REPORT, "selfReport",
            ReportType.RECURSIVE, "recursive",
            ReportType.REVOKED, "revoked"));

    private RiskConfigurationJson() {
    }

    static String jsonName(ReportType t) {
        return REPORT_TYPE_NAMES.get(t);
    }

    /** "confirmedTest, confirmedClinicalDiagnosis, selfReport, recursive". */
    static String reportTypeNames() {
        List<String> names = new ArrayList<>();
        for (ReportType t : RiskConfiguration.WEIGHTED_REPORT_TYPES) {
            names.add(jsonName(t));
        }
        return String.join(", ", names);
    }

    // ---- reading ----

    static RiskConfiguration read(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof Map<?, ?>)) {
            throw new RiskConfigurationException("the configuration must be a JSON object, was " + describe(root));
        }
        Fields top = new Fields("", cast(root));
        String name = top.string("name");
        String description = top.optionalString("description", "");

        Fields cc = top.object("closeContact");
        double distance = cc.number("closeContactDistanceMeters");
        int minutes = cc.integer("minimumCumulativeMinutes");
        double reference = cc.number("referenceAttenuationDb");
        double exponent = cc.number("pathLossExponent");
        cc.finish();

        Fields th = top.object("attenuationThresholds");
        int immediate = th.integer("immediate");
        int near = th.integer("near");
        int medium = th.integer("medium");
        th.finish();

        Fields aw = top.object("attenuationWeights");
        double wImmediate = aw.number("immediate");
        double wNear = aw.number("near");
        double wMedium = aw.number("medium");
        double wOther = aw.number("other");
        aw.finish();

        Fields rw = top.object("reportTypeWeights");
        Map<ReportType, Double> reportTypeWeights = new EnumMap<>(ReportType.class);
        for (ReportType t : RiskConfiguration.WEIGHTED_REPORT_TYPES) {
            reportTypeWeights.put(t, rw.number(jsonName(t)));
        }
        rw.finish();
        ReportType whenMissing = reportType(top, "reportTypeWhenMissing");

        Fields iw = top.object("infectiousnessWeights");
        Map<Infectiousness, Double> infectiousnessWeights = new EnumMap<>(Infectiousness.class);
        for (Infectiousness i : Infectiousness.values()) {
            infectiousnessWeights.put(i, iw.number(i.jsonName()));
        }
        iw.finish();

        Map<Integer, Infectiousness> byDay = new HashMap<>();
        boolean hasDays = top.has("daysSinceOnsetToInfectiousness");
        if (hasDays) {
            Fields days = top.object("daysSinceOnsetToInfectiousness");
            for (String key : days.keys()) {
                int day = dayKey(key);
                byDay.put(day, infectiousness(days, key));
            }
            days.finish();
        }
        Infectiousness infectiousnessWhenMissing = infectiousness(top, "infectiousnessWhenDaysSinceOnsetMissing");
        if (!hasDays) {
            // Backward compatible: a configuration written before the map existed ignores days since onset, so every
            // key scores as one without it (the old shipped file listed every day -14..14 as that same level).
            for (int d = -RiskConfiguration.MAX_DAYS_SINCE_ONSET; d <= RiskConfiguration.MAX_DAYS_SINCE_ONSET; d++) {
                byDay.put(d, infectiousnessWhenMissing);
            }
        }
        double minimumWindowScore = top.number("minimumWindowScore");
        top.finish();

        // Nested records validate in the order fields appear in the file, so the first error is the first in it.
        CloseContactRule rule = new CloseContactRule(distance, minutes, reference, exponent);
        AttenuationThresholds thresholds = new AttenuationThresholds(immediate, near, medium);
        AttenuationWeights weights = new AttenuationWeights(wImmediate, wNear, wMedium, wOther);
        return new RiskConfiguration(name, description, rule, thresholds, weights, reportTypeWeights, whenMissing,
                infectiousnessWeights, byDay, infectiousnessWhenMissing, minimumWindowScore);
    }

    private static int dayKey(String key) {
        if (!key.matches("0|-?[1-9][0-9]{0,2}")) {
            throw new RiskConfigurationException("daysSinceOnsetToInfectiousness key \"" + key
                    + "\" must be a whole number of days in -14..14");
        }
        int day = Integer.parseInt(key);
        if (day < -RiskConfiguration.MAX_DAYS_SINCE_ONSET || day > RiskConfiguration.MAX_DAYS_SINCE_ONSET) {
            throw new RiskConfigurationException("daysSinceOnsetToInfectiousness key " + day + " must be in -14..14");
        }
        return day;
    }

    private static Infectiousness infectiousness(Fields f, String field) {
        String v = f.string(field);
        Infectiousness i = Infectiousness.ofJsonName(v);
        if (i == null) {
            throw new RiskConfigurationException(f.path(field) + " must be one of none, standard, high, was "
                    + Json.quote(v));
        }
        return i;
    }

    private static ReportType reportType(Fields f, String field) {
        String v = f.string(field);
        for (ReportType t : RiskConfiguration.WEIGHTED_REPORT_TYPES) {
            if (jsonName(t).equals(v)) {
                return t;
            }
        }
        throw new RiskConfigurationException(f.path(field) + " must be one of " + reportTypeNames() + ", was "
                + Json.quote(v));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    static String describe(Object v) {
        if (v instanceof String s) {
            return Json.quote(s);
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        return String.valueOf(v); // true, false, null
    }

    /** One JSON object being bound: remembers which fields were read so that the rest can be reported. */
    private static final class Fields {
        private final String prefix;
        private final Map<String, Object> values;
        private final Set<String> read = new LinkedHashSet<>();

        Fields(String prefix, Map<String, Object> values) {
            this.prefix = prefix;
            this.values = values;
        }

        String path(String field) {
            return prefix.isEmpty() ? field : prefix + "." + field;
        }

        Set<String> keys() {
            return values.keySet();
        }

        /** Whether an optional field is present (and marks it read). */
        boolean has(String field) {
            read.add(field);
            return values.containsKey(field);
        }

        private Object required(String field) {
            read.add(field);
            Object v = values.get(field);
            if (v == null) {
                throw new RiskConfigurationException("missing field " + path(field));
            }
            return v;
        }

        Fields object(String field) {
            Object v = required(field);
            if (!(v instanceof Map<?, ?>)) {
                throw new RiskConfigurationException(path(field) + " must be an object, was " + describe(v));
            }
            return new Fields(path(field), cast(v));
        }

        String string(String field) {
            Object v = required(field);
            if (!(v instanceof String s)) {
                throw new RiskConfigurationException(path(field) + " must be a string, was " + describe(v));
            }
            return s;
        }

        String optionalString(String field, String otherwise) {
            read.add(field);
            return values.containsKey(field) ? string(field) : otherwise;
        }

        double number(String field) {
            Object v = required(field);
            if (!(v instanceof BigDecimal b)) {
                throw new RiskConfigurationException(path(field) + " must be a number, was " + describe(v));
            }
            return b.doubleValue();
        }

        int integer(String field) {
            Object v = required(field);
            if (!(v instanceof BigDecimal b)) {
                throw new RiskConfigurationException(path(field) + " must be a whole number, was " + describe(v));
            }
            try {
                return b.stripTrailingZeros().intValueExact();
            } catch (ArithmeticException e) {
                throw new RiskConfigurationException(path(field) + " must be a whole number, was " + describe(v));
            }
        }

        /** Every field must have been read: an unknown one is most likely a typo, so it is an error. */
        void finish() {
            for (String k : values.keySet()) {
                if (!read.contains(k)) {
                    throw new RiskConfigurationException("unknown field " + path(k)
                            + (read.isEmpty() ? "" : " (expected " + String.join(", ", read) + ")"));
                }
            }
        }
    }

    // ---- writing ----

    static String write(RiskConfiguration c) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("{\n");
        field(sb, 1, "name", Json.quote(c.name()), true);
        field(sb, 1, "description", Json.quote(c.description()), true);

        CloseContactRule r = c.closeContact();
        open(sb, 1, "closeContact");
        field(sb, 2, "closeContactDistanceMeters", Numbers.formatJsonDouble(r.closeContactDistanceMeters()), true);
        field(sb, 2, "minimumCumulativeMinutes", Integer.toString(r.minimumCumulativeMinutes()), true);
        field(sb, 2, "referenceAttenuationDb", Numbers.formatJsonDouble(r.referenceAttenuationDb()), true);
        field(sb, 2, "pathLossExponent", Numbers.formatJsonDouble(r.pathLossExponent()), false);
        close(sb, 1, true);

        AttenuationThresholds t = c.attenuationThresholds();
        open(sb, 1, "attenuationThresholds");
        field(sb, 2, "immediate", Integer.toString(t.immediate()), true);
        field(sb, 2, "near", Integer.toString(t.near()), true);
        field(sb, 2, "medium", Integer.toString(t.medium()), false);
        close(sb, 1, true);

        AttenuationWeights w = c.attenuationWeights();
        open(sb, 1, "attenuationWeights");
        field(sb, 2, "immediate", Numbers.formatJsonDouble(w.immediate()), true);
        field(sb, 2, "near", Numbers.formatJsonDouble(w.near()), true);
        field(sb, 2, "medium", Numbers.formatJsonDouble(w.medium()), true);
        field(sb, 2, "other", Numbers.formatJsonDouble(w.other()), false);
        close(sb, 1, true);

        open(sb, 1, "reportTypeWeights");
        List<ReportType> types = RiskConfiguration.WEIGHTED_REPORT_TYPES;
        for (int i = 0; i < types.size(); i++) {
            field(sb, 2, jsonName(types.get(i)), Numbers.formatJsonDouble(c.reportTypeWeights().get(types.get(i))),
                    i < types.size() - 1);
        }
        close(sb, 1, true);
        field(sb, 1, "reportTypeWhenMissing", Json.quote(jsonName(c.reportTypeWhenMissing())), true);

        open(sb, 1, "infectiousnessWeights");
        Infectiousness[] levels = Infectiousness.values();
        for (int i = 0; i < levels.length; i++) {
            field(sb, 2, levels[i].jsonName(), Numbers.formatJsonDouble(c.infectiousnessWeights().get(levels[i])),
                    i < levels.length - 1);
        }
        close(sb, 1, true);

        open(sb, 1, "daysSinceOnsetToInfectiousness");
        TreeMap<Integer, Infectiousness> days = new TreeMap<>(c.daysSinceOnsetToInfectiousness());
        int n = 0;
        for (Map.Entry<Integer, Infectiousness> e : days.entrySet()) {
            field(sb, 2, Integer.toString(e.getKey()), Json.quote(e.getValue().jsonName()), ++n < days.size());
        }
        close(sb, 1, true);
        field(sb, 1, "infectiousnessWhenDaysSinceOnsetMissing",
                Json.quote(c.infectiousnessWhenDaysSinceOnsetMissing().jsonName()), true);
        field(sb, 1, "minimumWindowScore", Numbers.formatJsonDouble(c.minimumWindowScore()), false);
        sb.append("}\n");
        return sb.toString();
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append("  ".repeat(level));
    }

    private static void field(StringBuilder sb, int level, String name, String value, boolean comma) {
        indent(sb, level);
        sb.append(Json.quote(name)).append(": ").append(value).append(comma ? ",\n" : "\n");
    }

    private static void open(StringBuilder sb, int level, String name) {
        indent(sb, level);
        sb.append(Json.quote(name)).append(": {\n");
    }

    private static void close(StringBuilder sb, int level, boolean comma) {
        indent(sb, level);
        sb.append(comma ? "},\n" : "}\n");
    }
}
