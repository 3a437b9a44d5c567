package vn.bluezone.cli;

import java.util.HexFormat;

/** Checks option values given as text, so that every bad value ends as one clear error line. */
final class CliArguments {
    private CliArguments() {
    }

    /** Exactly {@code bytes} bytes of hex, either case. */
    static byte[] hex(String option, String value, int bytes) {
        if (value == null || !value.matches("[0-9a-fA-F]{" + 2 * bytes + "}")) {
            throw new CliException(option + " must be " + 2 * bytes + " hex digits (" + bytes + " bytes), got "
                    + quote(value));
        }
        return HexFormat.of().parseHex(value);
    }

    /** A whole number in {@code min..max}. */
    static long number(String option, String value, long min, long max) {
        String msg = option + " must be a whole number " + min + ".." + max + ", got " + quote(value);
        if (value == null || !value.matches("[+-]?[0-9]{1,19}")) {
            throw new CliException(msg);
        }
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CliException(msg);
        }
        if (n < min || n > max) {
            throw new CliException(msg);
        }
        return n;
    }

    private static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        String v = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + v + "'";
    }
}
