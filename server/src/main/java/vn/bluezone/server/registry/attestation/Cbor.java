package vn.bluezone.server.registry.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of CBOR (RFC 8949) that App Attest objects use: unsigned and negative integers, byte and text strings,
 * arrays, maps, tags (skipped), false/true/null; definite lengths only, as Apple writes them. Decoding returns
 * {@code Long}, {@code byte[]}, {@code String}, {@code List}, {@code Map}, {@code Boolean} or null; anything else,
 * or bytes left over, is an {@link IllegalArgumentException}. {@link #encode} writes the same subset (tests build
 * attestation objects with it).
 */
public final class Cbor {
    private static final int MAX_DEPTH = 16;
    private final byte[] in;
    private int at;

    private Cbor(byte[] in) {
        this.in = in;
    }

    public static Object decode(byte[] bytes) {
        Cbor c = new Cbor(bytes);
        Object value = c.item(0);
        if (c.at != bytes.length) {
            throw new IllegalArgumentException("bytes after the CBOR item");
        }
        return value;
    }

    private Object item(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("CBOR nested too deep");
        }
        int initial = next();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            return switch (info) {
                case 20 -> Boolean.FALSE;
                case 21 -> Boolean.TRUE;
                case 22 -> null;
                default -> throw new IllegalArgumentException("unsupported CBOR simple value " + info);
            };
        }
        long n = argument(info);
        switch (major) {
            case 0:
                return n;
            case 1:
                return -1 - n;
            case 2:
                return take(n);
            case 3:
                return new String(take(n), StandardCharsets.UTF_8);
            case 4: {
                List<Object> list = new ArrayList<>();
                long size = count(n);
                for (long i = 0; i < size; i++) {
                    list.add(item(depth + 1));
                }
                return list;
            }
            case 5: {
                Map<Object, Object> map = new LinkedHashMap<>();
                long size = count(n);
                for (long i = 0; i < size; i++) {
                    Object key = item(depth + 1);
                    map.put(key, item(depth + 1));
                }
                return map;
            }
            default: // 6: a tag, whose meaning we do not need
                return item(depth + 1);
        }
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        int bytes = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw new IllegalArgumentException("indefinite or reserved CBOR length");
        };
        long n = 0;
        for (int i = 0; i < bytes; i++) {
            n = (n << 8) | next();
        }
        if (n < 0) {
            throw new IllegalArgumentException("CBOR length too large");
        }
        return n;
    }

    private long count(long n) {
        if (n > in.length - at) { // every element takes at least one byte
            throw new IllegalArgumentException("CBOR count beyond the input");
        }
        return n;
    }

    private byte[] take(long n) {
        if (n > in.length - at) {
            throw new IllegalArgumentException("CBOR string beyond the input");
        }
        byte[] out = java.util.Arrays.copyOfRange(in, at, at + (int) n);
        at += (int) n;
        return out;
    }

    private int next() {
        if (at >= in.length) {
            throw new IllegalArgumentException("CBOR input ends early");
        }
        return in[at++] & 0xff;
    }

    /** Encodes {@code Long}/{@code Integer}, {@code byte[]}, {@code String}, {@code List} and {@code Map} values. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object v) {
        if (v instanceof Number n && n.longValue() >= 0) {
            head(out, 0, n.longValue());
        } else if (v instanceof Number n) {
            head(out, 1, -1 - n.longValue());
        } else if (v instanceof byte[] b) {
            head(out, 2, b.length);
            out.writeBytes(b);
        } else if (v instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(out, 3, b.length);
            out.writeBytes(b);
        } else if (v instanceof List<?> l) {
            head(out, 4, l.size());
            l.forEach(x -> write(out, x));
        } else if (v instanceof Map<?, ?> m) {
            head(out, 5, m.size());
            m.forEach((k, x) -> {
                write(out, k);
                write(out, x);
            });
        } else {
            throw new IllegalArgumentException("cannot encode " + v);
        }
    }

    private static void head(ByteArrayOutputStream out, int major, long n) {
        if (n < 24) {
            out.write(major << 5 | (int) n);
        } else if (n < 0x100) {
            out.write(major << 5 | 24);
            out.write((int) n);
        } else if (n < 0x10000) {
            out.write(major << 5 | 25);
            out.write((int) (n >>> 8));
            out.write((int) n);
        } else {
            out.write(major << 5 | 26);
            for (int s = 24; s >= 0; s -= 8) {
                out.write((int) (n >>> s));
            }
        }
    }
}
