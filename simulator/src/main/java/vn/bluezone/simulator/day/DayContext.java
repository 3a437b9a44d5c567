package vn.bluezone.simulator.day;

import vn.bluezone.device.sim.EncounterRadio;
import vn.bluezone.simulator.tracing.RadioModel;

/** What the proximity pass needs to know about today: who uses the app, who can infect, who can be infected. */
public final class DayContext {
    public static final byte APP = 1;
    public static final byte INFECTIOUS = 2;
    public static final byte SUSCEPTIBLE = 4;

    public final long seed;
    public final byte[] flags;
    public final float[] calibration;
    public final RadioModel radio;
    /** A scan is heard as near at or below this attenuation (the risk configuration's rule). */
    public final double nearThresholdDb;
    /** The shared radio model's draws for this run. */
    public final EncounterRadio encounters;
    /** Pose starts per person, remembered between scans (the day is processed in one thread). */
    public final EncounterRadio.PoseCache poses;
    public final double[] noiseLevels;
    public final double cutoffMetres;
    public int day;
    /** Process every pair (contact statistics and the CSV sample), not only the ones that matter... */
    public boolean allPairs;
    /** ...among pairs with an endpoint whose id is a multiple of this (a person sample for large communes). */
    public int statsStride = 1;
    /** Also accumulate detection at each of {@link #noiseLevels}. */
    public boolean noiseCurve;
    /** Engines mode hooks app-to-app proximity here; null in contacts mode. */
    public ProximityListener listener;
    /** Shared air and check-ins at markets, eateries and the one-stop desk; null = neither. */
    public VenueListener venues;

    public DayContext(long seed, int people, RadioModel radio, double nearThresholdDb, float[] calibration,
                      double[] noiseLevels, double cutoffMetres) {
        this.seed = seed;
        this.flags = new byte[people];
        this.radio = radio;
        this.nearThresholdDb = nearThresholdDb;
        this.encounters = new EncounterRadio(seed);
        this.poses = encounters.new PoseCache(people);
        this.calibration = calibration;
        this.noiseLevels = noiseLevels;
        this.cutoffMetres = cutoffMetres;
    }

    /** Receives, for app-user pairs, the ticks they spent at a given distance (for real device engines). */
    public interface ProximityListener {
        void proximity(int a, int b, int firstTick, int tickBits, float metres);
    }
}
