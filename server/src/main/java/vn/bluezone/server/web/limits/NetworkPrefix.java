package vn.bluezone.server.web.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The network a client address belongs to, for limits that one subscriber or one hosting customer cannot walk
 * around by taking more addresses (issue 15 §2): the /24 of an IPv4 address (a provider hands a customer at most a
 * few of these) and the /56 of an IPv6 address (a common size of one customer's delegation; RIPE-690). An IPv4
 * address mapped into IPv6 ({@code ::ffff:a.b.c.d}) is treated as the IPv4 one. Anything that is not an address
 * literal (never looked up in DNS) is the one prefix {@code unknown}.
 */
public record NetworkPrefix(String value) {
    public static final int IPV4_BITS = 24;
    public static final int IPV6_BITS = 56;
    public static final NetworkPrefix UNKNOWN = new NetworkPrefix("unknown");

    public static NetworkPrefix of(String address) {
        byte[] a = TrustedProxies.literal(address);
        if (a == null) {
            return UNKNOWN;
        }
        if (a.length == 16 && isMappedIpv4(a)) {
            a = java.util.Arrays.copyOfRange(a, 12, 16);
        }
        int bits = a.length == 4 ? IPV4_BITS : IPV6_BITS;
        byte[] net = new byte[a.length];
        System.arraycopy(a, 0, net, 0, bits / 8);
        try {
            return new NetworkPrefix(InetAddress.getByAddress(net).getHostAddress() + "/" + bits);
        } catch (UnknownHostException e) {
            return UNKNOWN; // cannot happen for 4 or 16 bytes
        }
    }

    private static boolean isMappedIpv4(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    @Override
    public String toString() {
        return value;
    }
}
