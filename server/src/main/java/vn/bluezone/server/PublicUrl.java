package vn.bluezone.server;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one address citizens' phones and officials use to reach this server ({@code bluezone.public-url},
 * {@code BLUEZONE_PUBLIC_URL}). Anything printed or sent (poster QR codes, SMS links) takes it from here and only
 * from here. A loopback, wildcard or unset address is never printed: a poster carrying {@code localhost} is dead
 * on every phone that scans it (issue 13, first field problem), so callers refuse instead.
 */
@Component
public class PublicUrl {
    /** The setting's name, shown to officials and operators when it is missing. */
    public static final String SETTING = "bluezone.public-url";
    public static final String ENVIRONMENT = "BLUEZONE_PUBLIC_URL";
    /** The campaign's own address setting before there was one for the whole server. */
    static final String REPLACED = "bluezone.campaign.public-base-url";

    private final String base;

    @org.springframework.beans.factory.annotation.Autowired
    public PublicUrl(BluezoneProperties properties, org.springframework.core.env.Environment environment) {
        this(properties.publicUrl());
        if (environment.containsProperty(REPLACED)) {
            // One address for everything: an old setting left in place would silently stop working.
            throw new IllegalStateException(REPLACED + " was replaced by " + SETTING + " (" + ENVIRONMENT
                    + "); move its value there");
        }
    }

    public PublicUrl(URI uri) {
        this.base = uri == null ? null : normalise(uri);
    }

    /** The address without a trailing slash, if one usable from outside this machine is configured. */
    public Optional<String> printable() {
        return Optional.ofNullable(base).filter(b -> !isLocal(URI.create(b)));
    }

    /** What is configured, even a local address (for the operator's own messages); empty when unset. */
    public Optional<String> configured() {
        return Optional.ofNullable(base);
    }

    /** {@code base + path} when printable, else empty. */
    public Optional<String> resolve(String path) {
        return printable().map(b -> b + (path.startsWith("/") ? path : "/" + path));
    }

    /**
     * Checks the setting's form at start-up: an absolute http(s) address with a host, no query or fragment.
     * Throws {@link IllegalArgumentException} with a one-line reason otherwise.
     */
    static String normalise(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(SETTING + " must be an absolute http(s) address such as "
                    + "https://bluezone.example.vn, not '" + uri + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(SETTING + " must not carry a query, fragment or user name: '" + uri
                    + "'");
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** localhost, *.localhost, 127.0.0.0/8, ::1, 0.0.0.0 and :: (no DNS lookup: literal addresses only). */
    static boolean isLocal(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(literal);
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
