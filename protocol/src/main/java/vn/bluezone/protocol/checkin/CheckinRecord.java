package vn.bluezone.protocol.checkin;

import java.util.Objects;

/**
 * What a report hides: start (10-minute interval number), length in intervals, transmission risk level 1..8,
 * and a message for a health officer's place warning (empty for a case's own check-in).
 */
public record CheckinRecord(long startInterval, int periodIntervals, int riskLevel, String message) {
    public static final int MAX_PERIOD_INTERVALS = 144;
    public static final int MIN_RISK = 1;
    public static final int MAX_RISK = 8;
    public static final int MAX_MESSAGE = 500;

    public CheckinRecord {
        message = Objects.requireNonNullElse(message, "");
        if (startInterval < 0 || startInterval > 0xFFFFFFFFL) {
            throw new CheckinFormatException("INVALID_START", "start interval must be an unsigned 32-bit number");
        }
        if (periodIntervals < 1 || periodIntervals > MAX_PERIOD_INTERVALS) {
            throw new CheckinFormatException("INVALID_PERIOD", "a check-in lasts 1.." + MAX_PERIOD_INTERVALS + " intervals");
        }
        if (riskLevel < MIN_RISK || riskLevel > MAX_RISK) {
            throw new CheckinFormatException("INVALID_RISK_LEVEL", "risk level must be " + MIN_RISK + ".." + MAX_RISK);
        }
        if (message.length() > MAX_MESSAGE) {
            throw new CheckinFormatException("INVALID_MESSAGE", "a warning message has at most " + MAX_MESSAGE + " characters");
        }
    }

    public static CheckinRecord of(long startInterval, int periodIntervals, int riskLevel) {
        return new CheckinRecord(startInterval, periodIntervals, riskLevel, "");
    }

    /**
     * The 10-minute intervals covering [startSeconds, endSeconds): start rounded down, end rounded up (as the
     * Corona-Warn-App does), at most one day.
     */
    public static CheckinRecord covering(long startSeconds, long endSeconds, int riskLevel, String message) {
        long first = Math.floorDiv(startSeconds, 600);
        long end = Math.floorDiv(endSeconds + 599, 600);
        int period = (int) Math.max(1, Math.min(MAX_PERIOD_INTERVALS, end - first));
        return new CheckinRecord(first, period, riskLevel, message);
    }

    /** First second of the record, UTC epoch seconds. */
    public long startSeconds() {
        return startInterval * 600;
    }

    public long endSeconds() {
        return (startInterval + periodIntervals) * 600;
    }
}
