package vn.bluezone.protocol.export;

import java.util.List;

import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * A key export file that passed the reader's checks.
 *
 * @param header export.bin's header without its padding ("EK Export v1")
 * @param region as stated in the file; empty when absent
 * @param startTimestamp UTC seconds; 0 when absent
 * @param endTimestamp UTC seconds; 0 when absent
 * @param signatureInfos the signing keys export.bin announces
 * @param keys keys released for the first time
 * @param revisedKeys keys whose status changed
 * @param signatures the entries of export.sig with their verification outcome
 */
public record KeyExport(String header, String region, int batchNum, int batchSize, long startTimestamp,
                        long endTimestamp, List<SignatureInfo> signatureInfos, List<TemporaryExposureKey> keys,
                        List<TemporaryExposureKey> revisedKeys, List<ExportSignature> signatures) {

    public KeyExport {
        signatureInfos = List.copyOf(signatureInfos);
        keys = List.copyOf(keys);
        revisedKeys = List.copyOf(revisedKeys);
        signatures = List.copyOf(signatures);
    }

    /** True when at least one signature verified with a configured public key. */
    public boolean verified() {
        return signatures.stream().anyMatch(ExportSignature::verified);
    }
}
