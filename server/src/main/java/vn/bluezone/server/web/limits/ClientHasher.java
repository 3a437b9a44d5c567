package vn.bluezone.server.web.limits;

/**
 * A keyed hash of a client address or prefix, so that limiters never count addresses in clear. Declared here and
 * supplied by the key server's secrets ({@code KeySecrets}), so that {@code web} depends on no feature.
 */
public interface ClientHasher {
    String clientHash(String address);
}
