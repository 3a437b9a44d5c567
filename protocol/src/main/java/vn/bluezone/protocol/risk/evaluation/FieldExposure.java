package vn.bluezone.protocol.risk.evaluation;

/**
 * One measured exposure of a field test: a pair of phones at a known distance for some time, with what the
 * receiving phone measured.
 *
 * @param pairId      the pair of phones (leave-one-pair-out cross-validation leaves out every exposure of it)
 * @param environment where it was measured (free text, e.g. tram), "" when not given
 * @param distanceM   true distance in metres
 * @param durationS   true duration in seconds
 * @param histogram   seconds per attenuation bucket
 * @param line        the first CSV line of the exposure, for messages
 */
public record FieldExposure(String pairId, String environment, double distanceM, double durationS,
                            AttenuationHistogram histogram, int line) {
}
