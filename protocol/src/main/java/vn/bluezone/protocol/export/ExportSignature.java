package vn.bluezone.protocol.export;

/**
 * One entry of export.sig as read, with the outcome of checking it against the reader's public keys.
 *
 * @param info the signing key's id, version and algorithm as stated in export.sig
 * @param batchNum batch number as stated in export.sig (should equal export.bin's)
 * @param batchSize batch size as stated in export.sig
 * @param signatureLength length of the signature bytes (DER ECDSA P-256 signatures are 70 to 72 bytes)
 * @param verified true when a configured public key verifies it over the whole of export.bin
 * @param detail why it is not verified, or which key verified it
 */
public record ExportSignature(SignatureInfo info, int batchNum, int batchSize, int signatureLength,
                              boolean verified, String detail) {
}
