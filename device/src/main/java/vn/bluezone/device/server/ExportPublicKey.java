package vn.bluezone.device.server;

/** The export signing key as the server publishes it (PEM), with the key id and version found in signatures. */
public record ExportPublicKey(String keyId, String keyVersion, String pem) {
}
