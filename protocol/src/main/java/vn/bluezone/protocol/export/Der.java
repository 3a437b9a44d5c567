package vn.bluezone.protocol.export;

import java.util.Arrays;

/**
 * The few bits of ASN.1 DER that key files need and the JDK does not expose: walking SEQUENCEs to find a
 * key's curve, and reading the SEC1 "EC PRIVATE KEY" form (RFC 5915), which the JDK's KeyFactory does not take.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;

    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    /** prime256v1 / secp256r1 / P-256, 1.2.840.10045.3.1.7. */
    static final String P256 = "1.2.840.10045.3.1.7";

    /** One decoded element: its tag and where its content lies in the buffer. */
    record Element(int tag, byte[] buf, int start, int length) {
        int end() {
            return start + length;
        }

        byte[] content() {
            return Arrays.copyOfRange(buf, start, end());
        }

        Reader children() {
            return new Reader(buf, start, end());
        }
    }

    /** Reads consecutive elements between two offsets. */
    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;

        Reader(byte[] buf) {
            this(buf, 0, buf.length);
        }

        Reader(byte[] buf, int start, int end) {
            this.buf = buf;
            this.pos = start;
            this.end = end;
        }

        boolean hasNext() {
            return pos < end;
        }

        Element next() {
            if (pos + 2 > end) {
                throw new IllegalArgumentException("truncated DER");
            }
            int tag = buf[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                throw new IllegalArgumentException("multi-byte DER tags are not used in key files");
            }
            int len = buf[pos++] & 0xFF;
            if (len >= 0x80) {
                int n = len & 0x7F;
                if (n == 0 || n > 3 || pos + n > end) {
                    throw new IllegalArgumentException("bad DER length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (buf[pos++] & 0xFF);
                }
            }
            if (len > end - pos) {
                throw new IllegalArgumentException("DER element longer than its container");
            }
            Element e = new Element(tag, buf, pos, len);
            pos += len;
            return e;
        }

        Element expect(int tag) {
            Element e = next();
            if (e.tag() != tag) {
                throw new IllegalArgumentException(String.format("expected DER tag 0x%02x, found 0x%02x", tag, e.tag()));
            }
            return e;
        }
    }

    private Der() {
    }

    /** Dotted form of an OBJECT IDENTIFIER's content bytes. */
    static String oidToString(byte[] content) {
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    long a = Math.min(value / 40, 2);
                    sb.append(a).append('.').append(value - 40 * a);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }

    /**
     * The algorithm and curve OIDs of a SubjectPublicKeyInfo ({@code pkcs8 == false}) or a PKCS#8
     * PrivateKeyInfo ({@code pkcs8 == true}); the curve is null when the parameters are not a named curve.
     */
    static String[] algorithmAndCurve(byte[] der, boolean pkcs8) {
        Reader top = new Reader(der).expect(SEQUENCE).children();
        if (pkcs8) {
            top.expect(INTEGER);
        }
        Reader alg = top.expect(SEQUENCE).children();
        String algorithm = oidToString(alg.expect(OID).content());
        String curve = null;
        if (alg.hasNext()) {
            Element params = alg.next();
            if (params.tag() == OID) {
                curve = oidToString(params.content());
            }
        }
        return new String[] {algorithm, curve};
    }

    /** A SEC1 ECPrivateKey: the private scalar's bytes and the named curve when stated (else null). */
    record Sec1PrivateKey(byte[] scalar, String curve) {
    }

    static Sec1PrivateKey parseSec1(byte[] der) {
        Reader seq = new Reader(der).expect(SEQUENCE).children();
        Element version = seq.expect(INTEGER);
        if (version.length() != 1 || der[version.start()] != 1) {
            throw new IllegalArgumentException("SEC1 EC private key version is not 1");
        }
        byte[] scalar = seq.expect(OCTET_STRING).content();
        String curve = null;
        while (seq.hasNext()) {
            Element e = seq.next();
            if (e.tag() == CONTEXT_0) {
                curve = oidToString(e.children().expect(OID).content());
            }
        }
        return new Sec1PrivateKey(scalar, curve);
    }

    static String curveName(String oid) {
        if (oid == null) {
            return "explicit (unnamed) curve parameters";
        }
        return switch (oid) {
            case P256 -> "P-256 (secp256r1)";
            case "1.3.132.0.10" -> "secp256k1";
            case "1.3.132.0.34" -> "P-384 (secp384r1)";
            case "1.3.132.0.35" -> "P-521 (secp521r1)";
            default -> "curve " + oid;
        };
    }

    static String algorithmName(String oid) {
        return switch (oid) {
            case EC_PUBLIC_KEY -> "EC";
            case "1.2.840.113549.1.1.1" -> "RSA";
            case "1.2.840.10040.4.1" -> "DSA";
            case "1.3.101.112" -> "Ed25519";
            case "1.3.101.110" -> "X25519";
            default -> "algorithm " + oid;
        };
    }
}
