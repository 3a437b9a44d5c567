package vn.bluezone.simulator;

import java.util.Arrays;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.simulator.disease.Epidemic;
import vn.bluezone.simulator.tracing.ContactLog;
import vn.bluezone.simulator.util.IntList;

/**
 * What happens when a case's keys of the last 14 days are published (contacts mode): the phones that logged the
 * case are told to warn at their next check, and the ground truth says who should have been warned. Truth counts
 * only contacts on days the case was infectious; the phones cannot know the day of infection: as the device does,
 * they weigh each day by the key's days since symptom onset (onset, or the upload day without symptoms) through
 * the shipped risk configuration's map, and a warning about a contact before infection is a false one. Contacts
 * mode applies the map as a day filter (a weight of 0 drops the day), which is exact for the shipped weights (0 or
 * 1); engines mode runs the device's own scoring.
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
    private final RiskConfiguration risk = RiskConfiguration.vietnamDefault();
    private int stamp;

    KeyPublication(Epidemic epi, ContactLog truthLog, ContactLog detectedLog, RunResult result, int people) {
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
        for (int d = Math.max(0, today - 13); d <= today && phonesWarn; d++) {
            if (!detectedLog.has(d) || !keyCounts(d - onsetDay)) {
                continue;
            }
            for (int k = detectedLog.from(d, c); k < detectedLog.to(d, c); k++) {
                int u = detectedLog.partner(d, k);
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
            if (!truthLog.has(d) || epi.infectiousnessOnDay(c, d) == 0) {
                continue;
            }
            boolean inMap = keyCounts(d - onsetDay);
            for (int k = truthLog.from(d, c); k < truthLog.to(d, c); k++) {
                int u = truthLog.partner(d, k);
                if (reportedAt[u] <= t) {
                    continue;
                }
                if (inMap) {
                    stampTruthInMap[u] = stamp;
                }
                if (stampTruth[u] == stamp) {
                    continue;
                }
                stampTruth[u] = stamp;
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
            if (stampTruthInMap[truthPairs.get(i)] != stamp) {
                result.warningPairsTruthOutsideMap++;
            }
        }
    }

    /** Whether a key this many days from onset scores above zero on phones (clamped to ±14 as the server does). */
    private boolean keyCounts(int daysSinceOnset) {
        int d = Math.max(-RiskConfiguration.MAX_DAYS_SINCE_ONSET,
                Math.min(RiskConfiguration.MAX_DAYS_SINCE_ONSET, daysSinceOnset));
        return risk.infectiousnessWeight(risk.infectiousnessFor(d)) > 0;
    }
}
