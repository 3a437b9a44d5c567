package vn.bluezone.server.statistics;

import java.time.LocalDate;
import vn.bluezone.server.registry.AdministrativeUnit;

/**
 * A unit's figures on a day. Rates are fractions (0.25 = 25%) and null when the denominator is unknown.
 * {@code unit} is null for the "not assigned" row (devices that chose no smaller unit).
 *
 * @param installs          installs registered up to and including the day
 * @param installsYesterday installs up to the day before
 * @param installsWeekAgo   installs up to 7 days before
 * @param active1d          devices whose daily heartbeat fell on the day ("seen in the last 24 hours", by calendar day)
 * @param active7d          devices seen in the 7 days ending on the day
 * @param bluetoothOn       of the devices active on the day, those with Bluetooth on at their latest heartbeat
 * @param phoneBase         smartphone users, or mobile subscribers when smartphone users are unknown
 * @param phoneBaseIsSubscribers true when {@code phoneBase} is subscribers
 * @param attestedInstalls  of {@code installs}, those attested by the day (issue 15 §3)
 * @param attestedWeekAgo   attested installs up to 7 days before
 * @param rankedOnAttested  rates count attested installs only ({@code required-for-ranking}, default true)
 */
public record UnitFigures(AdministrativeUnit unit, LocalDate day, long installs, long installsYesterday,
                          long installsWeekAgo, long active1d, long active7d, long bluetoothOn, Long population,
                          Long households, Long phoneBase, boolean phoneBaseIsSubscribers, Long populationWeekAgo,
                          Long phoneBaseWeekAgo, boolean underFloor, boolean underTarget, long attestedInstalls,
                          long attestedWeekAgo, boolean rankedOnAttested) {

    /** Installs without a verified attestation ("chưa xác thực"), shown apart and never in a ranked rate. */
    public long unattestedInstalls() {
        return installs - attestedInstalls;
    }

    /** The installs the rates count: attested ones only unless {@code required-for-ranking} is off. */
    public long rankedInstalls() {
        return rankedOnAttested ? attestedInstalls : installs;
    }

    private long rankedWeekAgo() {
        return rankedOnAttested ? attestedWeekAgo : installsWeekAgo;
    }

    public Double populationRate() {
        return ratio(rankedInstalls(), population);
    }

    public Double phoneRate() {
        return ratio(rankedInstalls(), phoneBase);
    }

    /** Percentage-point change of the population rate over the last 7 days. */
    public Double populationRateChangeWeek() {
        Double now = populationRate();
        Double then = ratio(rankedWeekAgo(), populationWeekAgo);
        return now == null || then == null ? null : now - then;
    }

    public Double phoneRateChangeWeek() {
        Double now = phoneRate();
        Double then = ratio(rankedWeekAgo(), phoneBaseWeekAgo);
        return now == null || then == null ? null : now - then;
    }

    public long changeSinceYesterday() {
        return installs - installsYesterday;
    }

    public long changeSinceWeekAgo() {
        return installs - installsWeekAgo;
    }

    /** Share of installs seen in the last 7 days (about 40% in Hanoi in May 2021). */
    public Double activeShare() {
        return ratio(active7d, installs);
    }

    public Double bluetoothShare() {
        return ratio(bluetoothOn, active1d);
    }

    public String code() {
        return unit == null ? null : unit.code();
    }

    private static Double ratio(long n, Long d) {
        return d == null || d == 0 ? null : (double) n / d;
    }
}
