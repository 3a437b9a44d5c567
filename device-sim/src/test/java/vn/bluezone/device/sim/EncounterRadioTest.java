package vn.bluezone.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EncounterRadioTest {
    private final EncounterRadio radio = new EncounterRadio(42);

    @Test
    void posesLastAboutTwentyMinutesWithTheDocumentedShares() {
        int changes = 0;
        int slots = 200_000;
        int[] count = new int[Pose.values().length];
        for (long s = 1; s <= slots; s++) {
            if (radio.poseStart(7, s) == s) {
                changes++;
            }
            count[radio.poseAt(7, s).ordinal()]++;
        }
        double meanDwellMinutes = (double) slots * EncounterRadio.SLOT_MINUTES / changes;
        assertEquals(Pose.MEAN_DWELL_MINUTES, meanDwellMinutes, 1.5, "mean dwell");
        for (Pose p : Pose.values()) {
            assertEquals(p.share(), count[p.ordinal()] / (double) slots, 0.02, p.name());
        }
    }

    @Test
    void theEncounterShadowLastsWhileThePosesLast() {
        // Slow part of consecutive scans of one pair: identical while neither phone changed pose.
        int same = 0;
        int kept = 0;
        for (long s = 1; s < 20_000; s++) {
            boolean unchanged = radio.poseStart(1, s) != s && radio.poseStart(2, s) != s;
            if (unchanged) {
                kept++;
                if (radio.slowDb(Environment.ROOM, 1, 2, 0, s) == radio.slowDb(Environment.ROOM, 1, 2, 0, s - 1)) {
                    same++;
                }
            }
        }
        assertEquals(kept, same);
        assertTrue(kept > 10_000, "most slots keep both poses: " + kept);
    }

    @Test
    void spreadsAreTheEnvironmentsAndThePoses() {
        double sum = 0;
        double sum2 = 0;
        double fade2 = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            // Independent pairs, one scan each.
            double slow = radio.slowDb(Environment.BUS, 2L * i, 2L * i + 1, 0, 1000);
            sum += slow;
            sum2 += slow * slow;
            double f = radio.fadingDb(Environment.BUS, 2L * i, 2L * i + 1, 5);
            fade2 += f * f;
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        double expected = 2 * Pose.varianceDb2() + Math.pow(Environment.BUS.encounterSigmaDb(), 2);
        assertEquals(0, mean, 0.1, "pose losses are relative to the mix");
        assertEquals(Math.sqrt(expected), Math.sqrt(var), 0.1, "exposure-to-exposure spread (5.8 dB fitted)");
        assertEquals(Environment.BUS.scanSigmaDb(), Math.sqrt(fade2 / n), 0.1);
    }

    @Test
    void vehiclesAreNearlyFlatWithDistanceRoomsAreNot() {
        // The vehicles' pooled slope (simulator VehicleLevelPoolTest), the room's MITLL-UA fit.
        assertEquals(10.9, Environment.BUS.meanAttenuationDb(10) - Environment.BUS.meanAttenuationDb(1), 1e-9);
        assertEquals(7.3, Environment.ROOM.meanAttenuationDb(10) - Environment.ROOM.meanAttenuationDb(1), 1e-9);
        assertEquals(58.3, Environment.ROOM.meanAttenuationDb(2), 0.05);
        assertEquals(0, radio.scaled(0).attenuationDb(Environment.ROOM, 2, 1, 2, 0, 5, 5)
                - Environment.ROOM.meanAttenuationDb(2), 1e-12, "noiseless");
    }

    @Test
    void aRideSharesOneLevelOffsetAndRidesSpreadByTheBetweenVehicleSd() {
        double sum = 0;
        double sum2 = 0;
        int n = 40_000;
        for (int ride = 0; ride < n; ride++) {
            double o = radio.rideOffsetDb(Environment.TRAM, ride);
            sum += o;
            sum2 += o * o;
            // Every encounter of the ride: the same offset on top of its own terms.
            assertEquals(o, radio.attenuationDb(Environment.TRAM, 1.5, 7, 8, ride, 3, 1000, 5)
                    - radio.attenuationDb(Environment.TRAM, 1.5, 7, 8, 3, 1000, 5), 1e-9);
        }
        double mean = sum / n;
        assertEquals(0, mean, 0.2);
        assertEquals(Environment.TRAM.rideLevelSigmaDb(), Math.sqrt(sum2 / n - mean * mean), 0.2);
        assertEquals(15.5, Environment.BUS.rideLevelSigmaDb(), 1e-9);
        for (Environment still : new Environment[] {Environment.ROOM, Environment.HOME, Environment.MARKET,
                Environment.OPEN_SPACE}) {
            assertEquals(0, radio.rideOffsetDb(still, 42), "level anchored, no ride spread: " + still);
        }
        assertEquals(0, radio.scaled(0).rideOffsetDb(Environment.BUS, 42), "noiseless");
    }

    @Test
    void calibrationErrorComesFromTheTwoRevisionsOfGooglesList() {
        assertEquals(3.4 / Math.sqrt(2), CalibrationError.RSSI_CORRECTION_SIGMA_DB, 0.05);
        assertEquals(5.5 / Math.sqrt(2), CalibrationError.TX_POWER_SIGMA_DB, 0.05);
        assertEquals(3.2, CalibrationError.PER_PHONE_SIGMA_DB, 0.05);
    }

    @Test
    void theCacheGivesTheSamePoseStartsInAnyOrder() {
        EncounterRadio.PoseCache cache = radio.new PoseCache(3);
        for (long s = 500; s < 900; s++) {
            assertEquals(radio.poseStart(1, s), cache.poseStart(1, s));
        }
        for (long s : new long[] {10, 11, 11, 400, 12, 13, 2000, 1999}) {
            assertEquals(radio.poseStart(2, s), cache.poseStart(2, s), "slot " + s);
            assertEquals(radio.slowDb(Environment.HOME, 2, 0, 3, s),
                    radio.slowDb(Environment.HOME, 2, 0, 3, cache.poseStart(2, s), radio.poseStart(0, s)), 1e-12);
        }
    }
}
