package vn.bluezone.server.registry;

import java.time.LocalDate;

/**
 * Live install figures of one unit (province ... village) on a day, as campaign tools quote them.
 *
 * @param unitCode    GSO code, or {@code V<id>} for a village
 * @param unitName    the unit's full name ("Thôn Hà Lạc", "Xã Quảng Ngạn")
 * @param installs    installs registered up to and including the day
 * @param installsWeekAgo installs up to 7 days before
 * @param active7d    devices seen in the 7 days ending on the day
 * @param population  latest population figure, null when unknown
 * @param phoneBase   smartphone users (or subscribers), null when unknown
 * @param rankedInstalls the installs rates and targets count: attested ones only unless
 *                    {@code bluezone.registry.attestation.required-for-ranking} is off (issue 15 §3)
 */
public record AreaSnapshot(String unitCode, String unitName, LocalDate day, long installs, long installsWeekAgo,
        long active7d, Long population, Long phoneBase, long rankedInstalls) {

    /** Every install counted in the rates (tests and tools without attestation). */
    public AreaSnapshot(String unitCode, String unitName, LocalDate day, long installs, long installsWeekAgo,
                        long active7d, Long population, Long phoneBase) {
        this(unitCode, unitName, day, installs, installsWeekAgo, active7d, population, phoneBase, installs);
    }

    /** Ranked installs per inhabitant, null without a population. */
    public Double populationRate() {
        return population == null || population == 0 ? null : (double) rankedInstalls / population;
    }

    public Double phoneRate() {
        return phoneBase == null || phoneBase == 0 ? null : (double) rankedInstalls / phoneBase;
    }
}
