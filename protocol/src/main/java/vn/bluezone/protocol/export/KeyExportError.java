package vn.bluezone.protocol.export;

/**
 * Why a key export file (or a signing/verification key) was rejected. The names are stable: servers,
 * phones and tests branch on them, and the CLI prints them, so rename none.
 */
public enum KeyExportError {
    /** Not a ZIP archive, or a damaged one. */
    BAD_ZIP,
    /** More ZIP entries than the reader's limit. */
    TOO_MANY_ENTRIES,
    /** An entry (or the whole input) is larger than the reader's limit once uncompressed: a zip bomb guard. */
    ENTRY_TOO_LARGE,
    /** export.bin or export.sig is not at the root of the ZIP under its exact name. */
    MISSING_ENTRY,
    /** The same entry name appears twice, so which one a phone would read is ambiguous. */
    DUPLICATE_ENTRY,
    /** export.bin does not start with the 16-byte header "EK Export v1" padded with spaces. */
    BAD_HEADER,
    /** The body of export.bin is not a valid TemporaryExposureKeyExport protobuf (e.g. truncated). */
    BAD_PROTOBUF,
    /** A key's key_data is not 16 bytes. */
    BAD_KEY_LENGTH,
    /** A key's rolling period is outside 1..144. */
    BAD_ROLLING_PERIOD,
    /** export.sig is not a valid TEKSignatureList protobuf. */
    BAD_SIGNATURE_LIST,
    /** A public key is configured but the file carries no signature. */
    SIGNATURE_MISSING,
    /** Signatures are present but none verifies with a configured public key. */
    SIGNATURE_MISMATCH,
    /** A PEM file (or its DER content) cannot be read as a key. */
    BAD_KEY_FILE,
    /** A key that is readable but not an ECDSA P-256 key, the only kind the standard allows. */
    UNSUPPORTED_KEY,
    /** What the writer was asked to write breaks the format's rules (e.g. batch 3 of 2). */
    INVALID_BATCH
}
