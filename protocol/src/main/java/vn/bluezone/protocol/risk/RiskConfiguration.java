package vn.bluezone.protocol.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.bluezone.protocol.ReportType;

/**
 * Risk scoring parameters, as data: GAEN v2 daily summaries configuration plus the close-contact (F1) rule.
 * Read from JSON with {@link #load(InputStream)} / {@link #parse(String)}, written with {@link #toJson()} (the key
 * server serves it to phones), shipped default {@link #vietnamDefault()} (the {@link RiskPreset#DEFAULT} preset). Every constructor path validates and
 * throws {@link RiskConfigurationException} naming the field and its bound.
 *
 * @param name                                    short identifier, 1..100 characters
 * @param description                             free text for operators (may be empty)
 * @param closeContact                            the F1 rule: distance, minutes, and the distance→attenuation model
 * @param attenuationThresholds                   bucket thresholds; {@code near} must equal the close-contact
 *                                                distance's attenuation so that "near or closer" means "within it"
 * @param attenuationWeights                      per-bucket weights, 0..2.5
 * @param reportTypeWeights                       weights for CONFIRMED_TEST, CONFIRMED_CLINICAL_DIAGNOSIS,
 *                                                SELF_REPORT and RECURSIVE, 0..2.5 (REVOKED always scores 0;
 *                                                UNKNOWN is scored as {@code reportTypeWhenMissing})
 * @param reportTypeWhenMissing                   report type assumed for keys without one
 * @param infectiousnessWeights                   weights for NONE, STANDARD and HIGH, 0..2.5
 * @param daysSinceOnsetToInfectiousness          infectiousness by days since symptom onset, keys -14..14;
 *                                                days not listed (and beyond ±14) are NONE, as in GAEN
 * @param infectiousnessWhenDaysSinceOnsetMissing infectiousness of keys without days since onset
 * @param minimumWindowScore                      windows scoring below this are ignored, at least 0
 */
public record RiskConfiguration(String name, String description, CloseContactRule closeContact,
                                AttenuationThresholds attenuationThresholds, AttenuationWeights attenuationWeights,
                                Map<ReportType, Double> reportTypeWeights, ReportType reportTypeWhenMissing,
                                Map<Infectiousness, Double> infectiousnessWeights,
                                Map<Integer, Infectiousness> daysSinceOnsetToInfectiousness,
                                Infectiousness infectiousnessWhenDaysSinceOnsetMissing, double minimumWindowScore) {

    public static final double MAX_WEIGHT = 2.5;
    public static final int MAX_DAYS_SINCE_ONSET = 14;
    /** Report types that carry a configurable weight. */
    public static final List<ReportType> WEIGHTED_REPORT_TYPES = List.of(ReportType.CONFIRMED_TEST,
            ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, ReportType.SELF_REPORT, ReportType.RECURSIVE);
    /** Configurations are small; a bigger input is a mistake or an attack. */
    public static final int MAX_JSON_BYTES = 64 * 1024;

    public RiskConfiguration {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new RiskConfigurationException("name must be 1..100 characters, was "
                    + (name == null ? "missing" : name.length() + " characters"));
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(closeContact, "closeContact");
        Objects.requireNonNull(attenuationThresholds, "attenuationThresholds");
        Objects.requireNonNull(attenuationWeights, "attenuationWeights");
        reportTypeWeights = checkReportTypeWeights(reportTypeWeights);
        if (reportTypeWhenMissing == null || !WEIGHTED_REPORT_TYPES.contains(reportTypeWhenMissing)) {
            throw new RiskConfigurationException("reportTypeWhenMissing must be one of "
                    + RiskConfigurationJson.reportTypeNames() + ", was "
                    + (reportTypeWhenMissing == null ? "missing" : RiskConfigurationJson.jsonName(reportTypeWhenMissing)));
        }
        infectiousnessWeights = checkInfectiousnessWeights(infectiousnessWeights);
        daysSinceOnsetToInfectiousness = checkDays(daysSinceOnsetToInfectiousness);
        if (infectiousnessWhenDaysSinceOnsetMissing == null) {
            throw new RiskConfigurationException("infectiousnessWhenDaysSinceOnsetMissing must be one of none, standard, high");
        }
        if (!(minimumWindowScore >= 0) || Double.isInfinite(minimumWindowScore)) {
            throw new RiskConfigurationException("minimumWindowScore must be at least 0, was "
                    + Numbers.format(minimumWindowScore));
        }
        int expectedNear = closeContact.attenuationThresholdDb();
        if (attenuationThresholds.near() != expectedNear) {
            throw new RiskConfigurationException("attenuationThresholds.near must be " + expectedNear
                    + ", the attenuation at closeContact.closeContactDistanceMeters "
                    + Numbers.format(closeContact.closeContactDistanceMeters()) + " m ("
                    + Numbers.format(closeContact.referenceAttenuationDb()) + " + 10 × "
                    + Numbers.format(closeContact.pathLossExponent()) + " × log10("
                    + Numbers.format(closeContact.closeContactDistanceMeters()) + ") = "
                    + String.format(java.util.Locale.ROOT, "%.2f",
                    closeContact.modelledAttenuationDb(closeContact.closeContactDistanceMeters()))
                    + " dB, rounded), was " + attenuationThresholds.near());
        }
    }

    // ---- loading and writing ----

    /** Reads a configuration from UTF-8 JSON (at most 64 KiB). */
    public static RiskConfiguration load(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        if (bytes.length > MAX_JSON_BYTES) {
            throw new RiskConfigurationException("configuration is larger than " + MAX_JSON_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RiskConfigurationException("configuration is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text);
    }

    /** Reads a configuration from JSON text. */
    public static RiskConfiguration parse(String json) {
        return RiskConfigurationJson.read(json);
    }

    /** The shipped default F1 configuration: {@link RiskPreset#DEFAULT} (the Ministry's rule, 2 m / 58 dB, 15 min). */
    public static RiskConfiguration vietnamDefault() {
        return RiskPreset.DEFAULT.configuration();
    }

    /** The Ministry of Health's F1 definition, 15 minutes within 2 m (58 dB): {@link RiskPreset#MINISTRY_F1}. */
    public static RiskConfiguration ministryF1() {
        return RiskPreset.MINISTRY_F1.configuration();
    }

    /** The encounter-level derived rule, 62 dB for 30 minutes: the preset {@link RiskPreset#DERIVED}. */
    public static RiskConfiguration derivedF1() {
        return RiskPreset.DERIVED.configuration();
    }

    /** Pretty-printed JSON that {@link #parse(String)} reads back to an equal configuration. */
    public String toJson() {
        return RiskConfigurationJson.write(this);
    }

    /**
     * A copy with another close-contact distance and duration; the bucket thresholds follow the convention of the
     * shipped file: immediate = attenuation at half the distance, near = at the distance, medium = at twice it.
     */
    public RiskConfiguration withCloseContact(double distanceMeters, int minutes) {
        CloseContactRule rule = closeContact.withDistanceAndMinutes(distanceMeters, minutes);
        AttenuationThresholds thresholds = new AttenuationThresholds(rule.attenuationThresholdDb(distanceMeters / 2),
                rule.attenuationThresholdDb(), rule.attenuationThresholdDb(distanceMeters * 2));
        return new RiskConfiguration(name, description, rule, thresholds, attenuationWeights, reportTypeWeights,
                reportTypeWhenMissing, infectiousnessWeights, daysSinceOnsetToInfectiousness,
                infectiousnessWhenDaysSinceOnsetMissing, minimumWindowScore);
    }

    // ---- lookups used by scoring ----

    public AttenuationBucket bucketOf(int attenuationDb) {
        return attenuationThresholds.bucketOf(attenuationDb);
    }

    public double attenuationWeight(int attenuationDb) {
        return attenuationWeights.weight(bucketOf(attenuationDb));
    }

    /** UNKNOWN becomes {@link #reportTypeWhenMissing()}; others stay. */
    public ReportType effectiveReportType(ReportType reportType) {
        return reportType == null || reportType == ReportType.UNKNOWN ? reportTypeWhenMissing : reportType;
    }

    /** Weight of a report type; REVOKED (a withdrawn diagnosis) is 0. */
    public double reportTypeWeight(ReportType reportType) {
        ReportType t = effectiveReportType(reportType);
        return t == ReportType.REVOKED ? 0.0 : reportTypeWeights.get(t);
    }

    public double infectiousnessWeight(Infectiousness infectiousness) {
        return infectiousnessWeights.get(infectiousness);
    }

    /** Infectiousness for a key's days since onset; null uses the configured default, unlisted days are NONE. */
    public Infectiousness infectiousnessFor(Integer daysSinceOnset) {
        if (daysSinceOnset == null) {
            return infectiousnessWhenDaysSinceOnsetMissing;
        }
        return daysSinceOnsetToInfectiousness.getOrDefault(daysSinceOnset, Infectiousness.NONE);
    }

    // ---- validation helpers ----

    static void checkWeight(String path, double weight) {
        if (!Numbers.inRange(weight, 0, MAX_WEIGHT)) {
            throw new RiskConfigurationException(path + " must be in 0..2.5, was " + Numbers.format(weight));
        }
    }

    private static Map<ReportType, Double> checkReportTypeWeights(Map<ReportType, Double> weights) {
        Objects.requireNonNull(weights, "reportTypeWeights");
        for (ReportType t : weights.keySet()) {
            if (!WEIGHTED_REPORT_TYPES.contains(t)) {
                throw new RiskConfigurationException("reportTypeWeights may only hold "
                        + RiskConfigurationJson.reportTypeNames() + "; " + RiskConfigurationJson.jsonName(t)
                        + " is not weighted (revoked scores 0, unknown uses reportTypeWhenMissing)");
            }
        }
        EnumMap<ReportType, Double> copy = new EnumMap<>(ReportType.class);
        for (ReportType t : WEIGHTED_REPORT_TYPES) {
            String path = "reportTypeWeights." + RiskConfigurationJson.jsonName(t);
            Double w = weights.get(t);
            if (w == null) {
                throw new RiskConfigurationException("missing field " + path);
            }
            checkWeight(path, w);
            copy.put(t, w);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Map<Infectiousness, Double> checkInfectiousnessWeights(Map<Infectiousness, Double> weights) {
        Objects.requireNonNull(weights, "infectiousnessWeights");
        EnumMap<Infectiousness, Double> copy = new EnumMap<>(Infectiousness.class);
        for (Infectiousness i : Infectiousness.values()) {
            String path = "infectiousnessWeights." + i.jsonName();
            Double w = weights.get(i);
            if (w == null) {
                throw new RiskConfigurationException("missing field " + path);
            }
            checkWeight(path, w);
            copy.put(i, w);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Map<Integer, Infectiousness> checkDays(Map<Integer, Infectiousness> days) {
        Objects.requireNonNull(days, "daysSinceOnsetToInfectiousness");
        TreeMap<Integer, Infectiousness> copy = new TreeMap<>();
        for (Map.Entry<Integer, Infectiousness> e : days.entrySet()) {
            int d = e.getKey();
            if (d < -MAX_DAYS_SINCE_ONSET || d > MAX_DAYS_SINCE_ONSET) {
                throw new RiskConfigurationException("daysSinceOnsetToInfectiousness key " + d + " must be in -14..14");
            }
            copy.put(d, Objects.requireNonNull(e.getValue(), "infectiousness"));
        }
        return Collections.unmodifiableMap(copy);
    }
}
