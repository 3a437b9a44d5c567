package vn.bluezone.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A daily Temporary Exposure Key (TEK) with the metadata that travels with it in uploads and export files.
 * Shared by the crypto, export, matching, server and device code so that all speak of the same thing.
 *
 * @param keyData 16 random bytes
 * @param rollingStartIntervalNumber ENIntervalNumber at which the key became valid (a multiple of 144 for daily keys)
 * @param rollingPeriod number of 10-minute intervals the key is valid for, 1..144
 * @param transmissionRiskLevel 0..8, as set by the server or the uploading app
 * @param reportType how the case was diagnosed
 * @param daysSinceOnsetOfSymptoms days from symptom onset to this key's day, or null when unknown (-14..14)
 */
public record TemporaryExposureKey(byte[] keyData, int rollingStartIntervalNumber, int rollingPeriod,
                                   int transmissionRiskLevel, ReportType reportType,
                                   Integer daysSinceOnsetOfSymptoms) {

    public static final int KEY_LENGTH = 16;
    public static final int MAX_ROLLING_PERIOD = 144;

    public TemporaryExposureKey {
        Objects.requireNonNull(keyData, "keyData");
        if (keyData.length != KEY_LENGTH) {
            throw new IllegalArgumentException("key must be 16 bytes, was " + keyData.length);
        }
        if (rollingPeriod < 1 || rollingPeriod > MAX_ROLLING_PERIOD) {
            throw new IllegalArgumentException("rolling period must be 1..144, was " + rollingPeriod);
        }
        keyData = keyData.clone();
        reportType = reportType == null ? ReportType.UNKNOWN : reportType;
    }

    /** A key with default metadata (confirmed test, no onset), e.g. for crypto-only uses. */
    public static TemporaryExposureKey of(byte[] keyData, int rollingStartIntervalNumber, int rollingPeriod) {
        return new TemporaryExposureKey(keyData, rollingStartIntervalNumber, rollingPeriod, 0,
                ReportType.CONFIRMED_TEST, null);
    }

    @Override
    public byte[] keyData() {
        return keyData.clone();
    }

    /** First interval after the key's validity. */
    public long rollingEndIntervalNumber() {
        return (long) rollingStartIntervalNumber + rollingPeriod;
    }

    public String keyHex() {
        return Hex.format(keyData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemporaryExposureKey k
                && Arrays.equals(keyData, k.keyData)
                && rollingStartIntervalNumber == k.rollingStartIntervalNumber
                && rollingPeriod == k.rollingPeriod
                && transmissionRiskLevel == k.transmissionRiskLevel
                && reportType == k.reportType
                && Objects.equals(daysSinceOnsetOfSymptoms, k.daysSinceOnsetOfSymptoms);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keyData) + Objects.hash(rollingStartIntervalNumber, rollingPeriod,
                transmissionRiskLevel, reportType, daysSinceOnsetOfSymptoms);
    }

    @Override
    public String toString() {
        return "TEK[" + keyHex() + " start=" + rollingStartIntervalNumber + " period=" + rollingPeriod
                + " risk=" + transmissionRiskLevel + " " + reportType + " onset=" + daysSinceOnsetOfSymptoms + "]";
    }
}
