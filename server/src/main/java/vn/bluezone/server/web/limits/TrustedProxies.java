package vn.bluezone.server.web.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which client address the limiters and the audit see (issue 15 §2): the connection's peer, unless that peer is one
 * of {@code bluezone.http.trusted-proxies} (addresses or CIDR ranges, e.g. {@code 10.0.0.0/8, 2001:db8::/32}); then
 * the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy. A forwarded address from
 * anyone else is ignored: with Spring's forward-headers support any client could name itself with that header and
 * walk around every per-address limit. Keep {@code server.forward-headers-strategy} at its default (none).
 */
final class TrustedProxies {
    private record Range(byte[] network, int bits) {
        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((a[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    /** @throws IllegalArgumentException for an entry that is not an IP address or CIDR range (start-up fails) */
    TrustedProxies(List<String> entries) {
        for (String e : entries == null ? List.<String>of() : entries) {
            String s = e.strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] parts = s.split("/", 2);
            byte[] net = literal(parts[0]);
            if (net == null) {
                throw new IllegalArgumentException("bluezone.http.trusted-proxies: '" + s + "' is not an IP address or range");
            }
            int bits = net.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException x) {
                    bits = -1;
                }
                if (bits < 0 || bits > net.length * 8) {
                    throw new IllegalArgumentException("bluezone.http.trusted-proxies: bad prefix length in '" + s + "'");
                }
            }
            ranges.add(new Range(net, bits));
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusted(String address) {
        byte[] a = literal(address);
        return a != null && ranges.stream().anyMatch(r -> r.contains(a));
    }

    /** The client's address for this request. */
    String clientOf(String peer, String forwardedFor) {
        if (ranges.isEmpty() || forwardedFor == null || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                return peer; // a malformed chain: trust nothing in it
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    HttpServletRequest wrap(HttpServletRequest req) {
        if (ranges.isEmpty()) {
            return req;
        }
        String client = clientOf(req.getRemoteAddr(), req.getHeader("X-Forwarded-For"));
        if (client.equals(req.getRemoteAddr())) {
            return req;
        }
        return new HttpServletRequestWrapper(req) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        };
    }

    /** The bytes of an IPv4 or IPv6 literal, or null (never a DNS lookup). */
    static byte[] literal(String s) {
        if (s == null || s.isEmpty() || !(s.indexOf(':') >= 0 || s.matches("[0-9.]+"))) {
            return null;
        }
        String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (!t.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
