package vn.bluezone.simulator;

import java.util.Arrays;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.simulator.disease.Epidemic;
import vn.bluezone.simulator.tracing.ContactLog;
import vn.bluezone.simulator.util.IntList;

/**
 * What happens when a case's keys of the last 14 days are published (contacts mode): the phones that logged the
 * case are told to warn at their next check, and the ground truth says who should have been warned.
 *
 * <p>Phones score as the device's {@code RiskScorer} does (exposure notification v2): a contact day's score is its
 * "near" minutes × the infectiousness weight of the key's days since symptom onset (onset, or the upload day
 * without symptoms, through the risk configuration's map) × the report type's weight, and the phone warns when a
 * day's score reaches the minimum minutes. The phones cannot know the day of infection, so a warning about a
 * contact before it is a false one. (One difference: the device sums a day's windows over every case's keys;
 * here each case is scored alone.)
 *
 * <p>Truth counts only contacts on days the case was infectious (its infectiousness at noon of the day &gt; 0),
 * and every true pair also carries that infectiousness summed over its contact days, so recall can be weighted
 * by what the contacts could transmit ({@code warningPairsTruthInfectiousness}).
 */
final class KeyPublication {
    /** Schedules a phone's warning at its next periodic check after {@code minute}. */
    interface Warnings {
        void schedule(int person, int fromCase, boolean recursive, int minute);
    }

    private final Epidemic epi;
    private final ContactLog truthLog;
    private final ContactLog detectedLog;
    private final RunResult result;
    /** When a person's confirmed report was published (their phone is then never warned about earlier contacts). */
    final int[] reportedAt;
    final boolean[] shouldBeWarned;
    /** The last uploaded case a person was a true contact of (engines mode: whom a warning is attributed to). */
    final int[] lastTruthCase;
    private final int[] stampDetected;
    private final int[] stampTruth;
    private final int[] stampTruthInMap;
    private final IntList truthPairs = new IntList();
    /** Per true pair of the current publication: the case's infectiousness summed over the contact days. */
    private final double[] truthInfectiousness;
    private final RiskConfiguration risk;
    private final int minimumMinutes;
    private int stamp;

    KeyPublication(Epidemic epi, ContactLog truthLog, ContactLog detectedLog, RunResult result, int people) {
        this(epi, truthLog, detectedLog, result, people, RiskConfiguration.vietnamDefault(),
                RiskConfiguration.vietnamDefault().closeContact().minimumCumulativeMinutes());
    }

    /**
     * @param detectedLog    the phones' log: pairs with their "near" minutes of the day (at least those whose
     *                       minutes could reach the minimum at the largest day weight, {@link #maximumDayWeight})
     * @param minimumMinutes the phones' minimum weighted minutes in a day
     */
    KeyPublication(Epidemic epi, ContactLog truthLog, ContactLog detectedLog, RunResult result, int people,
                   RiskConfiguration risk, int minimumMinutes) {
        this.risk = risk;
        this.minimumMinutes = minimumMinutes;
        this.truthInfectiousness = new double[people];
        this.epi = epi;
        this.truthLog = truthLog;
        this.detectedLog = detectedLog;
        this.result = result;
        this.reportedAt = new int[people];
        Arrays.fill(reportedAt, Epidemic.NEVER);
        this.shouldBeWarned = new boolean[people];
        this.lastTruthCase = new int[people];
        Arrays.fill(lastTruthCase, -1);
        this.stampDetected = new int[people];
        this.stampTruth = new int[people];
        this.stampTruthInMap = new int[people];
    }

    /** Case {@code c}'s keys are published at minute {@code t}; {@code phonesWarn} false when real engines do. */
    void publish(int c, int t, boolean recursive, boolean phonesWarn, Warnings warnings) {
        int today = Math.floorDiv(t, 1440);
        if (!recursive && reportedAt[c] == Epidemic.NEVER) {
            reportedAt[c] = t;
        }
        stamp++;
        truthPairs.clear();
        // The key server's days since onset: from the onset day, or the day of the report when there is none.
        int onsetDay = Math.floorDiv(Math.min(epi.onsetMinute(c), t), 1440);
        double typeWeight = risk.reportTypeWeight(recursive ? ReportType.RECURSIVE : ReportType.CONFIRMED_TEST);
        for (int d = Math.max(0, today - 13); d <= today && phonesWarn; d++) {
            double dayWeight = dayWeight(d - onsetDay) * typeWeight;
            if (!detectedLog.has(d) || dayWeight == 0) {
                continue;
            }
            for (int k = detectedLog.from(d, c); k < detectedLog.to(d, c); k++) {
                int u = detectedLog.partner(d, k);
                if (detectedLog.minutes(d, k) * dayWeight < minimumMinutes) {
                    continue;
                }
                if (stampDetected[u] == stamp || reportedAt[u] <= t) {
                    // As the device does: a phone that reported a case is not warned about contacts before then.
                    continue;
                }
                stampDetected[u] = stamp;
                warnings.schedule(u, c, recursive, t);
                if (!recursive) {
                    result.warningPairsWarned++;
                }
            }
        }
        if (recursive) {
            return;
        }
        for (int d = Math.max(0, today - 13); d <= today; d++) {
            // Scored by the case's infectiousness on the day of contact: before it could transmit, no true F1.
            double infectiousness = truthLog.has(d) ? epi.infectiousnessOnDay(c, d) : 0;
            if (infectiousness == 0) {
                continue;
            }
            boolean inMap = dayWeight(d - onsetDay) > 0;
            for (int k = truthLog.from(d, c); k < truthLog.to(d, c); k++) {
                int u = truthLog.partner(d, k);
                if (reportedAt[u] <= t) {
                    continue;
                }
                if (inMap) {
                    stampTruthInMap[u] = stamp;
                }
                if (stampTruth[u] == stamp) {
                    truthInfectiousness[u] += infectiousness;
                    continue;
                }
                stampTruth[u] = stamp;
                truthInfectiousness[u] = infectiousness;
                truthPairs.add(u);
                shouldBeWarned[u] = true;
                lastTruthCase[u] = c;
                result.warningPairsTruth++;
                if (stampDetected[u] == stamp) {
                    result.warningPairsTp++;
                }
            }
        }
        for (int i = 0; i < truthPairs.size(); i++) {
            int u = truthPairs.get(i);
            if (stampTruthInMap[u] != stamp) {
                result.warningPairsTruthOutsideMap++;
            }
            result.warningPairsTruthInfectiousness += truthInfectiousness[u];
            if (stampDetected[u] == stamp) {
                result.warningPairsTpInfectiousness += truthInfectiousness[u];
            }
        }
    }

    /** The infectiousness weight phones give a key this many days from onset (clamped to ±14 as the server does). */
    private double dayWeight(int daysSinceOnset) {
        int d = Math.max(-RiskConfiguration.MAX_DAYS_SINCE_ONSET,
                Math.min(RiskConfiguration.MAX_DAYS_SINCE_ONSET, daysSinceOnset));
        return risk.infectiousnessWeight(risk.infectiousnessFor(d));
    }

    /** The largest weight a contact day can get (infectiousness × report type): which pairs the phones' log keeps. */
    static double maximumDayWeight(RiskConfiguration risk) {
        double infectiousness = 0;
        for (var i : vn.bluezone.protocol.risk.Infectiousness.values()) {
            infectiousness = Math.max(infectiousness, risk.infectiousnessWeight(i));
        }
        double type = Math.max(risk.reportTypeWeight(ReportType.CONFIRMED_TEST),
                risk.reportTypeWeight(ReportType.RECURSIVE));
        return infectiousness * type;
    }
}
