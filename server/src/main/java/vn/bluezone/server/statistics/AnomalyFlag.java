package vn.bluezone.server.statistics;

import vn.bluezone.server.console.Formats;

/**
 * Why a unit is marked for review. {@code observed} and {@code reference} are the two figures the rule compared
 * and {@code ratio} their quotient:
 * <ul>
 * <li>JUMP: the day's installs, the median of the baseline days, how many times the median
 * ({@code populationShare}: the day's installs as a share of the population, when it is known);</li>
 * <li>OVER_POPULATION / OVER_PHONES: installs to date, the population or smartphone users, their ratio;</li>
 * <li>ONE_NETWORK: registrations of the last 24 hours from the top network prefix, all of them, the share.</li>
 * </ul>
 * The reason's text is in the message bundles ({@code anomaly.<rule>}); {@link #args} fills it.
 */
public record AnomalyFlag(Rule rule, long observed, double reference, double ratio, Double populationShare,
                          int baselineDays) {
    public enum Rule {
        JUMP, OVER_POPULATION, OVER_PHONES, ONE_NETWORK
    }

    /** Bundle key of the reason. */
    public String messageKey() {
        return rule == Rule.JUMP && populationShare != null ? "anomaly.JUMP.population" : "anomaly." + rule;
    }

    /** The reason's arguments written in the current language (1.234,5 / 1,234.5). */
    public Object[] args(Formats fmt) {
        return switch (rule) {
            case JUMP -> new Object[] {fmt.n(observed), Formats.decimal(ratio, ratio < 10 ? 1 : 0), baselineDays,
                Formats.decimal(reference, 1), fmt.pct(populationShare)};
            case OVER_POPULATION, OVER_PHONES -> new Object[] {fmt.n(observed), fmt.n(Math.round(reference)),
                fmt.pct(ratio)};
            case ONE_NETWORK -> new Object[] {fmt.pct(ratio), fmt.n(observed), fmt.n(Math.round(reference))};
        };
    }
}
