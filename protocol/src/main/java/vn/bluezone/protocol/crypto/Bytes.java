package vn.bluezone.protocol.crypto;

import vn.bluezone.protocol.Hex;

/** Small checks shared by the value classes of this package. */
final class Bytes {

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
        return Hex.parse(hex);
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
