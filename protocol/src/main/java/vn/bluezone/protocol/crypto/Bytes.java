package vn.bluezone.protocol.crypto;

import java.util.HexFormat;

/** Small checks shared by the value classes of this package. */
final class Bytes {
    static final HexFormat HEX = HexFormat.of();

    private Bytes() {
    }

    static byte[] copyOfLength(byte[] b, int length, String what) {
        if (b == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (b.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, was " + b.length);
        }
        return b.clone();
    }

    /** Parses exactly {@code length} bytes of hex (either case), with a message naming what was expected. */
    static byte[] parseHex(String hex, int length, String what) {
        if (hex == null || hex.length() != 2 * length || !isHex(hex)) {
            throw new IllegalArgumentException(what + " must be " + 2 * length + " hex digits");
        }
        return HEX.parseHex(hex);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }
}
