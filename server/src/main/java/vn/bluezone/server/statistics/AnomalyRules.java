package vn.bluezone.server.statistics;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** The anomaly rules of {@link AnomalyProperties}, on plain figures (no database): each answers a flag or nothing. */
public final class AnomalyRules {
    /** Scales the median absolute deviation to the standard deviation of normally spread values. */
    static final double MAD_TO_SIGMA = 1.4826;

    private final AnomalyProperties p;

    public AnomalyRules(AnomalyProperties p) {
        this.p = p;
    }

    /**
     * @param previous installs of each of the days before (oldest first; missing days are 0)
     * @param today    installs of the day looked at
     * @param population the unit's population, null when unknown
     */
    public Optional<AnomalyFlag> jump(long[] previous, long today, Long population) {
        if (previous.length == 0) {
            return Optional.empty();
        }
        double median = median(previous);
        long[] deviations = Arrays.stream(previous).map(v -> Math.round(Math.abs(v - median) * 2)).toArray();
        double mad = median(deviations) / 2; // deviations doubled to stay whole numbers
        double baseline = Math.max(1, median + p.madFactor() * MAD_TO_SIGMA * mad);
        double threshold = Math.max(p.jumpFactor() * baseline, p.jumpFloor());
        if (today <= threshold) {
            return Optional.empty();
        }
        Double share = population == null || population <= 0 ? null : (double) today / population;
        return Optional.of(new AnomalyFlag(AnomalyFlag.Rule.JUMP, today, median, today / Math.max(1.0, median),
                share, previous.length));
    }

    /** Installs to date above the population or the smartphone users (subscribers): one flag, population first. */
    public Optional<AnomalyFlag> overDenominator(long installs, Long population, Long phoneBase) {
        if (population != null && population > 0 && installs > p.populationShare() * population) {
            return Optional.of(new AnomalyFlag(AnomalyFlag.Rule.OVER_POPULATION, installs, population,
                    (double) installs / population, null, 0));
        }
        if (phoneBase != null && phoneBase > 0 && installs > p.phoneShare() * phoneBase) {
            return Optional.of(new AnomalyFlag(AnomalyFlag.Rule.OVER_PHONES, installs, phoneBase,
                    (double) installs / phoneBase, null, 0));
        }
        return Optional.empty();
    }

    /** @param perPrefix the unit's registrations of the last 24 hours, one number per network prefix */
    public Optional<AnomalyFlag> oneNetwork(Collection<Long> perPrefix) {
        long total = perPrefix.stream().mapToLong(Long::longValue).sum();
        long top = perPrefix.stream().mapToLong(Long::longValue).max().orElse(0);
        if (total < p.prefixMinRegistrations() || (double) top / total < p.prefixShare()) {
            return Optional.empty();
        }
        return Optional.of(new AnomalyFlag(AnomalyFlag.Rule.ONE_NETWORK, top, total, (double) top / total, null, 0));
    }

    static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
