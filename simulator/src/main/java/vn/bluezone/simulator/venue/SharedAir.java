package vn.bluezone.simulator.venue;

import vn.bluezone.simulator.day.PlaceKind;

/**
 * Shared-air (aerosol) transmission in a place, Wells–Riley style: with the air of the room well mixed, a
 * susceptible person who shares it with an infectious one for t hours inhales q·p·t/Q quanta, q the infector's
 * quanta emission rate, p the inhalation rate, Q the room's outdoor-air flow; the infection probability is
 * 1 − exp(−dose). Distance does not enter (close-range exposure is the pairs' part of the model); only the overlap
 * of the two visits and the place do. The emission follows the infector's infectiousness curve, scaled so that
 * q is reached at the curve's peak (the published rates are for an infectious person, asymptomatic ones included
 * at the curve's asymptomatic factor). Numbers and sources: simulator/README.md, "Shared air and check-ins".
 *
 * @param quantaPerHour    q at peak infectiousness, standing and speaking; 0 turns shared air off
 * @param inhalationM3PerHour p
 * @param airflowLitresPerSecondPerPerson outdoor air per person of the place's nominal occupancy
 */
public record SharedAir(double quantaPerHour, double inhalationM3PerHour, double[] airflowLitresPerSecondPerPerson,
                        int[] occupancy) {
    /** Mikszewski et al. (2022): median SARS-CoV-2 emission standing and speaking, 2.7 quanta/h. */
    public static final double DEFAULT_QUANTA_PER_HOUR = 2.7;
    /** Standing adult (Adams 1993, as used by Buonanno et al. 2020): 0.54 m³/h. */
    public static final double DEFAULT_INHALATION = 0.54;

    public static SharedAir defaults(double quantaPerHour) {
        double[] lps = new double[PlaceKind.values().length];
        int[] occ = new int[PlaceKind.values().length];
        // Mikszewski et al.'s ventilation levels (low 2.3, medium 6.6, high 14 L/s per person): an open-sided wet
        // market "high", an open-fronted eatery and the commune office's desk hall "medium".
        lps[PlaceKind.MARKET.ordinal()] = 14;
        lps[PlaceKind.EATERY.ordinal()] = 6.6;
        lps[PlaceKind.DESK.ordinal()] = 6.6;
        // Nominal occupancy: the layouts' 8 tables of 4 and 20 chairs plus 4 staff; 200 people in a 40 × 40 m market.
        occ[PlaceKind.MARKET.ordinal()] = 200;
        occ[PlaceKind.EATERY.ordinal()] = 32;
        occ[PlaceKind.DESK.ordinal()] = 24;
        return new SharedAir(quantaPerHour, DEFAULT_INHALATION, lps, occ);
    }

    public boolean enabled() {
        return quantaPerHour > 0;
    }

    /** Outdoor-air flow Q of a place of this kind, m³/h. */
    public double airflowM3PerHour(PlaceKind kind) {
        return airflowLitresPerSecondPerPerson[kind.ordinal()] * occupancy[kind.ordinal()] * 3.6;
    }

    /**
     * Quanta inhaled by a susceptible person who shares the place's air with an infector for {@code overlapMinutes}
     * while the infector is at {@code relativeEmission} (0..1, 1 = the curve's peak). No distance: anywhere in
     * the room is the same.
     */
    public double dose(PlaceKind kind, double relativeEmission, double overlapMinutes) {
        double q = airflowM3PerHour(kind);
        if (q <= 0 || overlapMinutes <= 0) {
            return 0;
        }
        return quantaPerHour * relativeEmission * inhalationM3PerHour * (overlapMinutes / 60.0) / q;
    }

    /** Wells–Riley: the probability of infection after inhaling {@code dose} quanta. */
    public static double probability(double dose) {
        return 1 - Math.exp(-dose);
    }
}
