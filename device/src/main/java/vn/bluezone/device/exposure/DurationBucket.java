package vn.bluezone.device.exposure;

/** How long the contact lasted in a day, told to the user in ranges rather than minutes. */
public enum DurationBucket {
    UNDER_15_MINUTES, FROM_15_TO_30_MINUTES, FROM_30_TO_60_MINUTES, OVER_60_MINUTES;

    public static DurationBucket of(long minutes) {
        if (minutes < 15) {
            return UNDER_15_MINUTES;
        }
        if (minutes < 30) {
            return FROM_15_TO_30_MINUTES;
        }
        if (minutes < 60) {
            return FROM_30_TO_60_MINUTES;
        }
        return OVER_60_MINUTES;
    }
}
