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
 */
public record AreaSnapshot(String unitCode, String unitName, LocalDate day, long installs, long installsWeekAgo,
        long active7d, Long population, Long phoneBase) {

    /** Installs per inhabitant, null without a population. */
    public Double populationRate() {
        return population == null || population == 0 ? null : (double) installs / population;
    }

    public Double phoneRate() {
        return phoneBase == null || phoneBase == 0 ? null : (double) installs / phoneBase;
    }
}
