package vn.bluezone.protocol.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.bluezone.protocol.ReportType;

/**
 * Scores exposure windows and sums them per UTC day, GAEN v2 style:
 *
 * <pre>
 *   weightedDuration(window) = Σ over scans: secondsSinceLastScan × attenuationWeight(bucket of typicalAttenuation)
 *   score(window)            = weightedDuration × reportTypeWeight × infectiousnessWeight
 *   day.scoreSum             = Σ score over the day's windows with score ≥ minimumWindowScore
 *   day.maximumScore         = max score over those windows
 *   day is a close contact  ⇔ day.scoreSum ≥ minimumCumulativeMinutes × 60
 * </pre>
 *
 * With the shipped configurations (weights 1 for immediate and near, 0 beyond; report type and infectiousness
 * weights 1) a window's score is simply the seconds at or below the near threshold, so the default (Ministry) rule
 * reads "15 minutes within 2 m (≤ 58 dB) in a day" and the derived preset "30 minutes at ≤ 62 dB in a day". Windows of REVOKED keys are left out. Thread-safe.
 */
public final class RiskScorer {
    private final RiskConfiguration config;

    public RiskScorer(RiskConfiguration config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public RiskConfiguration configuration() {
        return config;
    }

    /** Σ secondsSinceLastScan × attenuation bucket weight of the scan's typical attenuation. */
    public double weightedDurationSeconds(ExposureWindow window) {
        double sum = 0;
        for (ScanInstance s : window.scanInstances()) {
            sum += s.secondsSinceLastScan() * config.attenuationWeight(s.typicalAttenuationDb());
        }
        return sum;
    }

    /** Weighted duration × report type weight × infectiousness weight. */
    public double windowScore(ExposureWindow window) {
        return weightedDurationSeconds(window) * config.reportTypeWeight(window.reportType())
                * config.infectiousnessWeight(window.infectiousness());
    }

    /** Daily summaries, one per UTC day that has at least one window reaching the minimum window score, by day. */
    public List<DailySummary> dailySummaries(Collection<ExposureWindow> windows) {
        Map<LocalDate, ExposureSummary> days = new TreeMap<>();
        Map<LocalDate, Map<ReportType, ExposureSummary>> byType = new TreeMap<>();
        for (ExposureWindow w : windows) {
            ReportType type = config.effectiveReportType(w.reportType());
            if (type == ReportType.REVOKED) {
                continue;
            }
            double score = windowScore(w);
            if (score < config.minimumWindowScore()) {
                continue;
            }
            double weighted = weightedDurationSeconds(w);
            LocalDate day = w.day();
            days.merge(day, ExposureSummary.EMPTY.plus(score, weighted), (a, b) -> a.plus(score, weighted));
            byType.computeIfAbsent(day, d -> new EnumMap<>(ReportType.class))
                    .merge(type, ExposureSummary.EMPTY.plus(score, weighted), (a, b) -> a.plus(score, weighted));
        }
        List<DailySummary> result = new ArrayList<>(days.size());
        for (Map.Entry<LocalDate, ExposureSummary> e : days.entrySet()) {
            result.add(new DailySummary(e.getKey(), e.getValue(), byType.get(e.getKey()),
                    config.closeContact().isCloseContact(e.getValue())));
        }
        return result;
    }

    /** The UTC days on which the windows make a close contact, in order. */
    public List<LocalDate> closeContactDays(Collection<ExposureWindow> windows) {
        List<LocalDate> days = new ArrayList<>();
        for (DailySummary d : dailySummaries(windows)) {
            if (d.closeContact()) {
                days.add(d.day());
            }
        }
        return days;
    }
}
