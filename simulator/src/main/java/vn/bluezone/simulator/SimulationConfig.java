package vn.bluezone.simulator;

import java.util.Arrays;
import vn.bluezone.simulator.disease.DiseaseParameters;
import vn.bluezone.simulator.population.PopulationParameters;
import vn.bluezone.simulator.tracing.RadioModel;

/**
 * Everything a run depends on. Behaviour defaults are modelling assumptions documented in simulator/README.md;
 * natural history and census facts come from the resource files behind {@link DiseaseParameters} and
 * {@link PopulationParameters}.
 */
public final class SimulationConfig implements Cloneable {
    public enum Mode { CONTACTS, ENGINES }

    /** Where engines-mode phones keep their data: the in-memory store (fast) or SQLite as on a real phone. */
    public enum PhoneStorage { MEMORY, SQLITE }

    public int commune = 19873;
    /** The commune's name for the report's title; null = unknown (the title then gives the code). */
    public String communeName = "Xã Quảng Ngạn";
    public int population = 10_000;
    public int days = 60;
    /** App adoption among smartphone owners. */
    public double adoption = 0.4;
    /** Optional adoption by age band (0-11, 12-17, 18-34, 35-49, 50-64, 65+), overriding {@link #adoption}. */
    public double[] adoptionByBand;
    public long seed = 1;
    public Mode mode = Mode.CONTACTS;
    public String serverUrl;
    /** Engines mode with {@link #serverUrl}: an administrator's API key on that server. */
    public String apiKey;
    public PhoneStorage phoneStorage = PhoneStorage.MEMORY;

    public RadioModel radio = RadioModel.defaults();
    /**
     * The phones' risk configuration (engines mode: the in-process key server distributes it; with {@link #serverUrl}
     * the running server's applies). Its rule decides what a phone
     * counts ({@link #nearThresholdDb()}, {@link #nearMinutesThreshold()}); its infectiousness (days since onset) and
     * report type weights weigh each contact day's near minutes. The default is the shipped one (the Ministry's
     * 2 m for 15 min); {@code RiskConfiguration.derivedF1()} is the derived 62 dB for 30 min.
     */
    public vn.bluezone.protocol.risk.RiskConfiguration risk = vn.bluezone.protocol.risk.RiskConfiguration.vietnamDefault();

    /** Minimum minutes heard as near in a day for the phone to count a contact: the risk configuration's. */
    public int nearMinutesThreshold() {
        return risk.closeContact().minimumCumulativeMinutes();
    }

    /**
     * A scan is heard as near at or below this attenuation: the risk configuration's close-contact distance through
     * its path loss model, unrounded (58.31 dB for the default, the Ministry's 2 m; 61.99 dB for the derived preset's 2.75 m).
     */
    public double nearThresholdDb() {
        return nearThresholdDb(risk);
    }

    public static double nearThresholdDb(vn.bluezone.protocol.risk.RiskConfiguration risk) {
        return risk.closeContact().modelledAttenuationDb(risk.closeContact().closeContactDistanceMeters());
    }
    public double[] noiseLevelsDb = {0, 2, 4, 6, 8, 10, 12};

    public double consentProbability = 0.8;
    public double uploadDelayMeanHours = 3;
    public int exportIntervalMinutes = 60;
    public int checkIntervalMinutes = 240;
    public double f1Compliance = 0.8;
    /** Warned F1s go to a quarantine facility (Viet Nam's 2020 practice) rather than staying home. */
    public boolean f1Facility = true;
    public int f1QuarantineDays = 14;
    public double f1TestProbability = 1.0;
    public double f1TestDelayDays = 1.0;
    public double recursiveUploadProbability = 0.5;
    public double f2Compliance = 0.5;
    public int f2IsolationDays = 7;
    public int seedInfections = -1;
    /** App users who check in at markets, eateries and the one-stop desk (contacts mode), 0..1. */
    public double checkinShare = 0;
    /** A check-in warns when it overlaps a case's this long (the device engine's default). */
    public int checkinMinimumOverlapMinutes = vn.bluezone.device.checkin.CheckinEngine.DEFAULT_MINIMUM_OVERLAP_MINUTES;
    /** Shared-air quanta emission at peak infectiousness (Wells–Riley), quanta/h; 0 = no shared-air transmission. */
    public double sharedAirQuantaPerHour = vn.bluezone.simulator.venue.SharedAir.DEFAULT_QUANTA_PER_HOUR;
    /**
     * Other (non-app) measures: a factor on every transmission hazard (close-range β and shared-air emission), 1 =
     * none. It stands for what held an epidemic near R 1 in a study's setting (distancing, closures, masks): with
     * factor F the early reproduction number is about F times the calibrated R0 (simulator/README.md, "Other
     * measures").
     */
    public double otherMeasuresFactor = 1.0;
    public int sampleRows = 2000;

    public DiseaseParameters disease = DiseaseParameters.load();

    /** The natural history with β scaled by {@link #otherMeasuresFactor}: what the epidemic actually runs on. */
    public DiseaseParameters transmission() {
        return otherMeasuresFactor == 1.0 ? disease : disease.withBeta(disease.beta() * otherMeasuresFactor);
    }

    /** Shared-air emission scaled by {@link #otherMeasuresFactor}, as the close-range hazard is. */
    public double effectiveSharedAirQuantaPerHour() {
        return sharedAirQuantaPerHour * otherMeasuresFactor;
    }
    public PopulationParameters populationParameters = PopulationParameters.load();

    public SimulationConfig copy() {
        try {
            SimulationConfig c = (SimulationConfig) super.clone();
            c.adoptionByBand = adoptionByBand == null ? null : adoptionByBand.clone();
            c.noiseLevelsDb = noiseLevelsDb.clone();
            return c;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public SimulationConfig withAdoption(double a) {
        SimulationConfig c = copy();
        c.adoption = a;
        if (c.adoptionByBand != null) {
            // A sweep scales the age profile so that its owner-weighted mean follows the swept level.
            double mean = Arrays.stream(adoptionByBand).average().orElse(0);
            for (int i = 0; i < c.adoptionByBand.length; i++) {
                c.adoptionByBand[i] = mean == 0 ? a : Math.min(1, adoptionByBand[i] * a / mean);
            }
        }
        return c;
    }

    public SimulationConfig withSeed(long s) {
        SimulationConfig c = copy();
        c.seed = s;
        return c;
    }

    public int effectiveSeedInfections() {
        if (seedInfections >= 0) {
            return Math.min(seedInfections, population);
        }
        return (int) Math.max(1, Math.round(population * disease.seedInfectionsPer10000() / 10_000));
    }

    public double adoptionFor(int band) {
        return adoptionByBand != null ? adoptionByBand[band] : adoption;
    }

    /** Rejects impossible settings with a message fit for one line on the command line. */
    public void validate() {
        if (commune <= 0 || commune > 99_999) {
            throw new IllegalArgumentException("--commune must be a GSO commune code (1..99999), got " + commune);
        }
        if (population < 2 || population > 5_000_000) {
            throw new IllegalArgumentException("--population must be between 2 and 5000000, got " + population);
        }
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("--days must be between 1 and 365, got " + days);
        }
        probability("--adoption", adoption);
        if (adoptionByBand != null) {
            if (adoptionByBand.length != PopulationParameters.BAND_LOWER.length) {
                throw new IllegalArgumentException("adoption by age needs " + PopulationParameters.BAND_LOWER.length
                        + " bands");
            }
            for (double v : adoptionByBand) {
                probability("--adoption-by-age", v);
            }
        }
        probability("--consent", consentProbability);
        probability("--f1-compliance", f1Compliance);
        probability("--f2-compliance", f2Compliance);
        probability("--recursive-upload", recursiveUploadProbability);
        probability("--f1-test", f1TestProbability);
        probability("--checkin-share", checkinShare);
        if (checkinMinimumOverlapMinutes < 1 || checkinMinimumOverlapMinutes > 240) {
            throw new IllegalArgumentException("--checkin-min-overlap must be between 1 and 240 minutes, got "
                    + checkinMinimumOverlapMinutes);
        }
        if (!(sharedAirQuantaPerHour >= 0 && sharedAirQuantaPerHour <= 1000)) {
            throw new IllegalArgumentException("--shared-air-quanta must be between 0 and 1000 quanta/h, got "
                    + sharedAirQuantaPerHour);
        }
        if (!(otherMeasuresFactor > 0 && otherMeasuresFactor <= 1)) {
            throw new IllegalArgumentException("--other-measures must be above 0 and at most 1 (1 = none), got "
                    + otherMeasuresFactor);
        }
        if (radio.shadowingSigmaDb() < 0 || radio.shadowingSigmaDb() > 30) {
            throw new IllegalArgumentException("--noise must be between 0 and 30 dB, got " + radio.shadowingSigmaDb());
        }
        probability("--packet-loss", radio.packetLoss());
        if (checkIntervalMinutes < 5 || exportIntervalMinutes < 5) {
            throw new IllegalArgumentException("check and export intervals must be at least 5 minutes");
        }
    }

    private static void probability(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
        }
    }
}
