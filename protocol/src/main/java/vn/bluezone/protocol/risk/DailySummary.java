package vn.bluezone.protocol.risk;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import vn.bluezone.protocol.ReportType;

/**
 * One UTC day of exposure (GAEN v2 {@code DailySummary}) plus the close-contact decision for the day.
 *
 * @param day          the UTC day
 * @param daySummary   scores over all of the day's windows that reached the minimum window score
 * @param byReportType the same per report type (UNKNOWN already mapped to {@code reportTypeWhenMissing})
 * @param closeContact whether {@code daySummary.scoreSum} reaches the rule's minimum cumulative time. A device
 *                     that decides F1 (contact with a case) and F2 (contact with a RECURSIVE key, i.e. an F1)
 *                     separately uses {@link #scoreSumFor(Collection)} with {@link CloseContactRule#isCloseContact(double)}.
 */
public record DailySummary(LocalDate day, ExposureSummary daySummary, Map<ReportType, ExposureSummary> byReportType,
                           boolean closeContact) {

    public DailySummary {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(daySummary, "daySummary");
        EnumMap<ReportType, ExposureSummary> copy = new EnumMap<>(ReportType.class);
        copy.putAll(byReportType);
        byReportType = Collections.unmodifiableMap(copy);
    }

    /** The summary for one report type; {@link ExposureSummary#EMPTY} when the day had none of it. */
    public ExposureSummary summaryFor(ReportType reportType) {
        return byReportType.getOrDefault(reportType, ExposureSummary.EMPTY);
    }

    /** Sum of window scores over the given report types. */
    public double scoreSumFor(Collection<ReportType> reportTypes) {
        double sum = 0;
        for (ReportType t : reportTypes) {
            sum += summaryFor(t).scoreSum();
        }
        return sum;
    }
}
