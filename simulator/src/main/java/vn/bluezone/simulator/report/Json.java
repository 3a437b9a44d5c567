package vn.bluezone.simulator.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics file's JSON, written by Jackson (ordered keys, indented). Numbers are normalised first so that the
 * file reads well and repeats exactly under a seed: a whole double is written as an integer, others rounded to
 * six decimals, NaN and infinities as null.
 */
public final class Json {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {
    }

    public static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    public static String write(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(normalise(value)) + "\n";
    }

    private static Object normalise(Object v) {
        if (v instanceof Double d) {
            return number(d);
        } else if (v instanceof Float f) {
            return number(f.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalise(x)));
            return out;
        } else if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(normalise(x)));
            return out;
        } else if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double d : a) {
                out.add(number(d));
            }
            return out;
        } else if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof int[] || v instanceof long[]) {
            return v;
        }
        throw new IllegalArgumentException("not JSON: " + v.getClass());
    }

    private static Object number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return Math.round(d * 1e6) / 1e6;
    }
}
