package vn.bluezone.protocol.risk;

/**
 * Scores of a set of windows (GAEN v2 {@code ExposureSummaryData}).
 *
 * @param maximumScore        highest window score
 * @param scoreSum            sum of window scores: weighted seconds (attenuation × report type × infectiousness);
 *                            the close-contact rule compares this with its minimum cumulative seconds
 * @param weightedDurationSum sum of seconds × attenuation weight only (ignores report type and infectiousness,
 *                            as GAEN's weightedDurationSum does)
 */
public record ExposureSummary(double maximumScore, double scoreSum, double weightedDurationSum) {

    public static final ExposureSummary EMPTY = new ExposureSummary(0, 0, 0);

    ExposureSummary plus(double windowScore, double windowWeightedDuration) {
        return new ExposureSummary(Math.max(maximumScore, windowScore), scoreSum + windowScore,
                weightedDurationSum + windowWeightedDuration);
    }
}
