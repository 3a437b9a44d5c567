package vn.bluezone.device.sim;

/**
 * Where two phones meet, with its own distance model: mean attenuation
 * {@code A(d) = referenceDb + slopeDbPerDecade · log10(d / 1 m)}, a per-encounter shadowing σ (held while both
 * phones keep their pose, see {@link EncounterRadio}) and a per-scan fading σ. Sources and fits:
 * simulator/README.md, "Radio model".
 *
 * <ul>
 * <li>{@link #BUS} and {@link #TRAM}: the vehicle model pooled over every vehicle data set we hold (the simulator's
 *     {@code VehicleLevelPool}: Leith and Farrell's Dublin bus, 60 exposures of Pixel 2 phones at 0.5-2 m; the
 *     MITLL-UA MBTA bus, MBTA train and MIT shuttle, two tests (sending phones) each of 10-12 Android receivers at
 *     1.1-15.7 m). The level is a random effect: each vehicle's level at 2 m (76.4, 56.7, 53.3 and 54.0 dB) is a draw
 *     around the DerSimonian-Laird pooled mean 60.4 ± 7.9 dB, with a between-vehicle SD τ of 15.5 dB, which the
 *     model draws as a per-ride offset ({@link #rideLevelSigmaDb}, {@link EncounterRadio#rideOffsetDb}); the slope is
 *     pooled the same way: 10.9 ± 2.5 dB per decade (flatter than the open-space 26.6). So the mean is 57.1 dB at
 *     1 m + 10.9 dB per decade. The spreads within a vehicle are the Dublin
 *     bus fit's (one phone model, so no calibration error in them): exposure-to-exposure 5.8 dB of which
 *     {@link Pose} explains 3.9 dB, leaving an encounter σ of 4.3 dB; within-exposure 3.7 dB (3.6 dB after 2 dB
 *     bucket rounding). Checked by the simulator's {@code VehicleLevelPoolTest} and {@code VehicleFitTest}. Leith and
 *     Farrell's Dublin tram is kept out of every fit and every choice: it is the validation set (the simulator's
 *     {@code StudyValidationTest}).</li>
 * <li>{@link #ROOM}: slope and spreads fitted to the MITLL-UA classroom measurements (MIT Lincoln Laboratory and the
 *     University of Arizona, 2021; test als_2, 9 exposures of 7 Android phones at 1.3-7.2 m): 7.3 dB per decade
 *     (nearly flat, as in the vehicles), exposure-to-exposure spread 2.7 dB, less than the {@link Pose} mix and the
 *     phones' {@link CalibrationError} already give (encounter σ 0), per-scan spread 1.8 dB. The level is not
 *     fitted (it follows the sending phone's calibration: 51.5 and 62.3 dB at 2 m in the two classroom tests): the
 *     mean is anchored at the Corona-Warn-App's 58.3 dB at 2 m, the phone's threshold. The slope is checked out of
 *     sample on the other classroom test (als_3) by the simulator's {@code MitllUaFitTest}.</li>
 * <li>{@link #HOME}: slope and spreads fitted to the MITLL-UA small-party measurements (test small_party_2, 16
 *     exposures of 6 Android receivers at 0.5-4.5 m): 15.1 ± 4.9 dB per decade, exposure-to-exposure spread 6.5 dB,
 *     of which poses and calibration leave 2.4 dB for the encounter σ, per-scan spread 1.3 dB. The level follows the
 *     room's rule (the Corona-Warn-App's 58.3 dB at 2 m). The held-out test small_party_3 (7.8 ± 4.1) agrees and
 *     rejects 26.6; checked by the simulator's {@code MitllUaHomeFitTest}.</li>
 * <li>{@link #MARKET}: slope and spreads fitted to the MITLL-UA auditorium measurements (test aud_2, 9 exposures of
 *     Android receivers at 2.0-12.6 m from a seated sender in a crowded hall): 7.2 ± 5.6 dB per decade, spread between
 *     exposures 4.3 dB (less than poses and calibration give: encounter σ 0), per-scan spread 1.6 dB; the level follows
 *     the room's rule. A large hall full of people is the nearest measured stand-in for a wet market; the held-out
 *     test aud_3 (-0.3 ± 5.3) agrees and rejects 26.6; checked by the simulator's {@code MitllUaAuditoriumFitTest}.</li>
 * <li>{@link #OPEN_SPACE}: the Corona-Warn-App's calibration of GAEN attenuation against distance (55 dB ≈ 1.5 m,
 *     63 dB ≈ 3 m: 50.3 dB + 26.6 dB per decade), with the spreads of the Dublin bus fit; the simulator's meetings (two people,
 *     mostly outdoors) use it. Not fitted: we hold no per-exposure measurements outdoors; the MITLL-UA small hall spans
 *     too few distances to set a slope, and the bus-stop queue, which holds from one test to the other, is a single
 *     file with a body between every pair (simulator/docs/radio.md, "Meetings and open space").</li>
 * </ul>
 *
 * <p>Only vehicles have a {@link #rideLevelSigmaDb}: rooms, homes and markets anchor their level at the phone's
 * threshold (58.3 dB at 2 m) and leave the phone pair's part of it to {@link CalibrationError}.
 */
public enum Environment {
    OPEN_SPACE(50.3, 26.6, 4.3, 3.6, 0),
    ROOM(56.1, 7.3, 0.0, 1.8, 0),
    HOME(53.8, 15.1, 2.4, 1.3, 0),
    MARKET(56.1, 7.2, 0.0, 1.6, 0),
    BUS(57.1, 10.9, 4.3, 3.6, 15.5),
    TRAM(57.1, 10.9, 4.3, 3.6, 15.5);

    private final double referenceDb;
    private final double slopeDbPerDecade;
    private final double encounterSigmaDb;
    private final double scanSigmaDb;
    private final double rideLevelSigmaDb;

    Environment(double referenceDb, double slopeDbPerDecade, double encounterSigmaDb, double scanSigmaDb,
                double rideLevelSigmaDb) {
        this.referenceDb = referenceDb;
        this.slopeDbPerDecade = slopeDbPerDecade;
        this.encounterSigmaDb = encounterSigmaDb;
        this.scanSigmaDb = scanSigmaDb;
        this.rideLevelSigmaDb = rideLevelSigmaDb;
    }

    public double referenceDb() {
        return referenceDb;
    }

    public double slopeDbPerDecade() {
        return slopeDbPerDecade;
    }

    public double encounterSigmaDb() {
        return encounterSigmaDb;
    }

    public double scanSigmaDb() {
        return scanSigmaDb;
    }

    /**
     * SD of a ride's level around {@link #meanAttenuationDb}: the between-vehicle spread of the level, drawn once per
     * ride and shared by every encounter in it (0 where the level is anchored, not a random effect).
     */
    public double rideLevelSigmaDb() {
        return rideLevelSigmaDb;
    }

    /** Mean attenuation at {@code metres} (clamped to 10 cm), for the mix of poses (vehicles: the pooled vehicle). */
    public double meanAttenuationDb(double metres) {
        return referenceDb + slopeDbPerDecade * Math.log10(Math.max(0.1, metres));
    }
}
