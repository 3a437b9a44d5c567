package vn.bluezone.device.exposure;

/**
 * How close the phones were, from the lowest typical attenuation of the day against the configuration's
 * attenuation thresholds: VERY_CLOSE at or below the immediate threshold (about 1 m), CLOSE at or below the
 * close-contact threshold (about 2 m), NEARBY otherwise.
 */
public enum ClosenessBucket {
    VERY_CLOSE, CLOSE, NEARBY
}
