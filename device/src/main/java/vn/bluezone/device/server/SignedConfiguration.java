package vn.bluezone.device.server;

/**
 * The server's risk and scanning configuration exactly as received: the JSON document, and its signature
 * (base64 DER ECDSA P-256 over the document's UTF-8 bytes) with the id of the signing key, when present.
 */
public record SignedConfiguration(String json, String signatureBase64, String keyId) {
}
