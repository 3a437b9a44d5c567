package vn.bluezone.protocol.risk;

import java.math.BigDecimal;

/** Formatting of numbers in messages and JSON: shortest decimal form, no exponent for ordinary values. */
final class Numbers {
    private Numbers() {
    }

    /** 2.0 → "2", 2.5 → "2.5", 0.1 → "0.1" (decimal as written, not the binary expansion). */
    static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /** For JSON: like {@link #format} but keeps one decimal place on whole numbers (2.0 stays "2.0"). */
    static String formatJsonDouble(double d) {
        String s = format(d);
        return s.contains(".") ? s : s + ".0";
    }

    static boolean inRange(double v, double min, double max) {
        return v >= min && v <= max; // false for NaN
    }
}
