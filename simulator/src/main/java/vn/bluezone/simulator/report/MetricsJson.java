package vn.bluezone.simulator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.simulator.RunResult;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.SimulationOutcome;
import vn.bluezone.simulator.Sweep;
import vn.bluezone.simulator.day.PlaceKind;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.util.Stats;

/**
 * metrics.json: everything the report shows, as numbers. It holds no wall-clock figures, so the same seed and
 * settings give a byte-identical file.
 */
public final class MetricsJson {
    /** Wymant et al., Nature 594:408 (2021), NHS COVID-19 app: % fewer cases per percentage point of uptake. */
    public static final double WYMANT_MODELLING = 0.8;
    public static final double WYMANT_STATISTICAL = 2.3;
    /** Wymant et al. (2021): about 16.5 million regular users, 28 % of the population of England and Wales. */
    public static final double NHS_UPTAKE = 0.28;

    private MetricsJson() {
    }

    public static Map<String, Object> build(SimulationOutcome o) {
        SimulationConfig c = o.config();
        RunResult w = o.withApp();
        RunResult n = o.withoutApp();
        Map<String, Object> root = Json.object();
        root.put("commune", c.commune);
        root.put("mode", w.mode);
        root.put("seed", c.seed);
        root.put("days", c.days);
        root.put("adoption", c.adoption);
        root.put("population", populationSummary(o.population(), w));

        Map<String, Object> impact = Json.object();
        impact.put("attackRateWithApp", w.attackRate());
        impact.put("attackRateWithoutApp", n.attackRate());
        impact.put("infectionsWithApp", w.infections);
        impact.put("infectionsWithoutApp", n.infections);
        impact.put("infectionsAverted", n.transmissions() - w.transmissions());
        double rel = n.transmissions() == 0 ? Double.NaN
                : 100.0 * (n.transmissions() - w.transmissions()) / n.transmissions();
        impact.put("relativeReductionPercent", rel);
        impact.put("reductionPercentPerUptakePoint", w.uptake() == 0 ? Double.NaN : rel / (w.uptake() * 100));
        root.put("impact", impact);

        Map<String, Object> detection = Json.object();
        detection.put("definition", "ground truth: <= 2 m for >= 15 cumulative minutes in a day, both app users");
        detection.put("pairDays", prf(w.detectionTp, w.detectionFp, w.detectionFn));
        List<Object> noise = new ArrayList<>();
        for (int l = 0; l < w.noiseLevelsDb.length; l++) {
            Map<String, Object> m = prf(w.noiseTp[l], w.noiseFp[l], w.noiseFn[l]);
            m.put("shadowingSigmaDb", w.noiseLevelsDb[l]);
            noise.add(m);
        }
        detection.put("byRadioNoise", noise);
        Map<String, Object> warnings = Json.object();
        if ("engines".equals(w.mode)) {
            // The engines warn by themselves; which case's key triggered a warning is not traced back, so the
            // per-(case, contact) figures are not measured (a recall of 0 would be false).
            Map<String, Object> none = Json.object();
            none.put("measured", false);
            none.put("reason", "engines mode: warnings are not attributed to the case whose key triggered them");
            warnings.put("casePairs", none);
        } else {
            Map<String, Object> pairs = prf(w.warningPairsTp, w.warningPairsWarned - w.warningPairsTp,
                    w.warningPairsTruth - w.warningPairsTp);
            // Recall weighted by the case's infectiousness on each true contact day (what the contacts could catch).
            pairs.put("recallByInfectiousness", w.warningPairsTruthInfectiousness == 0 ? 0.0
                    : w.warningPairsTpInfectiousness / w.warningPairsTruthInfectiousness);
            warnings.put("casePairs", pairs);
        }
        warnings.put("people", prf(w.warnedPeopleTp, w.warnedPeopleWarned - w.warnedPeopleTp,
                w.warnedPeopleTruth - w.warnedPeopleTp));
        // First F1 warnings by timeliness (WarningTimeliness): the F1 rule's criterion is inTime per false one.
        Map<String, Object> timeliness = Json.object();
        timeliness.put("inTime", w.warnedF1InTime);
        timeliness.put("late", w.warnedF1Late);
        timeliness.put("false", w.warnedF1False);
        timeliness.put("infectiousnessAhead", w.warnedF1InfectiousnessAhead);
        warnings.put("f1Timeliness", timeliness);
        detection.put("warnings", warnings);
        root.put("detection", detection);

        Map<String, Object> speed = Json.object();
        speed.put("warnings", w.hoursToWarning.length);
        speed.put("medianHoursFromConfirmationToWarning", Stats.quantile(w.hoursToWarning, 0.5));
        speed.put("p90HoursFromConfirmationToWarning", Stats.quantile(w.hoursToWarning, 0.9));
        root.put("speed", speed);

        if (w.registryRegistered >= 0) {
            Map<String, Object> reg = Json.object();
            reg.put("server", c.serverUrl);
            reg.put("installsRegistered", w.registryRegistered);
            reg.put("heartbeatsAccepted", w.registryHeartbeats);
            reg.put("failures", w.registryFailures);
            reg.put("firstFailure", w.registryFirstFailure);
            root.put("registry", reg);
        }
        root.put("withApp", run(w));
        root.put("withoutApp", run(n));
        if (o.sweep() != null) {
            root.put("sweep", sweep(o.sweep()));
        }
        if (o.checkins() != null) {
            root.put("checkins", CheckinReport.json(o.checkins(), c));
        }
        Map<String, Object> published = Json.object();
        published.put("source", "Wymant et al., Nature 594:408-412 (2021), NHS COVID-19 app, England and Wales");
        published.put("reductionPercentPerUptakePointModelling", WYMANT_MODELLING);
        published.put("reductionPercentPerUptakePointStatistical", WYMANT_STATISTICAL);
        root.put("published", published);
        root.put("parameters", parameters(c));
        return root;
    }

    private static Map<String, Object> populationSummary(Population p, RunResult w) {
        Map<String, Object> m = Json.object();
        m.put("people", p.size);
        m.put("households", p.households());
        m.put("meanHouseholdSize", p.size / (double) p.households());
        int[] ages = new int[3];
        for (byte a : p.age) {
            ages[a < 15 ? 0 : a < 65 ? 1 : 2]++;
        }
        m.put("shareAged0to14", ages[0] / (double) p.size);
        m.put("shareAged15to64", ages[1] / (double) p.size);
        m.put("shareAged65plus", ages[2] / (double) p.size);
        m.put("smartphoneOwners", w.smartphoneOwners);
        m.put("appUsers", w.appUsers);
        m.put("uptakeOfPopulation", w.uptake());
        m.put("closeContactsPerPersonPerDay", w.closeContactsPerPersonDay);
        Map<String, Object> byPlace = Json.object();
        for (PlaceKind k : PlaceKind.values()) {
            byPlace.put(k.label(), w.closeContactsPerPersonByPlace[k.ordinal()]);
        }
        m.put("closeContactsPerPersonOnDay0ByPlace", byPlace);
        return m;
    }

    static Map<String, Object> prf(long tp, long fp, long fn) {
        Map<String, Object> m = Json.object();
        m.put("truePositives", tp);
        m.put("falsePositives", fp);
        m.put("falseNegatives", fn);
        m.put("precision", RunResult.precision(tp, fp));
        m.put("recall", RunResult.recall(tp, fn));
        m.put("f1", RunResult.f1(tp, fp, fn));
        return m;
    }

    private static Map<String, Object> run(RunResult r) {
        Map<String, Object> m = Json.object();
        m.put("adoption", r.adoption);
        m.put("appUsers", r.appUsers);
        m.put("seedInfections", r.seedInfections);
        m.put("infections", r.infections);
        m.put("attackRate", r.attackRate());
        m.put("earlyReproductionNumber", r.earlyR);
        m.put("sharedAirInfections", r.sharedAirInfections);
        m.put("detectedInfections", r.detectedInfections);
        m.put("checkinUsers", r.checkinUsers);
        m.put("checkinWarnings", r.checkinWarnings);
        m.put("confirmed", r.confirmed);
        m.put("uploadsConfirmed", r.uploadsConfirmed);
        m.put("uploadsRecursive", r.uploadsRecursive);
        m.put("warnedF1", r.warnedF1);
        m.put("warnedF2", r.warnedF2);
        m.put("quarantinedF1", r.quarantinedF1);
        m.put("dailyNewInfections", r.dailyInfections);
        m.put("dailyInfectious", r.dailyInfectious);
        m.put("dailyConfirmed", r.dailyConfirmed);
        m.put("dailyWarnedF1", r.dailyWarnedF1);
        m.put("dailyWarnedF2", r.dailyWarnedF2);
        return m;
    }

    private static Map<String, Object> sweep(Sweep s) {
        Map<String, Object> m = Json.object();
        m.put("seeds", s.seeds);
        List<Object> levels = new ArrayList<>();
        for (int l = 0; l < s.levels.length; l++) {
            Map<String, Object> e = Json.object();
            e.put("adoption", s.levels[l]);
            e.put("meanUptakeOfPopulation", s.meanUptake(l));
            e.put("infections", s.transmissions[l]);
            e.put("meanAttackRate", s.meanAttackRate(l));
            e.put("attackRateCi95", Stats.ci95HalfWidth(s.attackRate[l]));
            if (l > 0) {
                double[] av = s.avertedPerPoint(l);
                double[] red = s.reductionPercentPerPoint(l);
                e.put("infectionsAvertedPerUptakePoint", Stats.mean(av));
                e.put("infectionsAvertedPerUptakePointCi95", Stats.ci95HalfWidth(av));
                e.put("reductionPercentPerUptakePoint", Stats.mean(red));
                e.put("reductionPercentPerUptakePointCi95", Stats.ci95HalfWidth(red));
            }
            levels.add(e);
        }
        m.put("levels", levels);
        double[] slope = s.slopePercentPerPoint();
        m.put("slopeReductionPercentPerUptakePoint", Stats.mean(slope));
        m.put("slopeReductionPercentPerUptakePointCi95", Stats.ci95HalfWidth(slope));
        // The NHS study's figure is a marginal effect near its own uptake, so ours is taken there too.
        Map<String, Object> nhs = Json.object();
        nhs.put("publishedUptakeOfPopulation", NHS_UPTAKE);
        int[] b = s.bracket(NHS_UPTAKE);
        if (b == null) {
            nhs.put("measured", false);
            nhs.put("reason", "no two sweep levels bracket the published uptake");
        } else {
            double[] marginal = s.marginalPercentPerPoint(NHS_UPTAKE);
            nhs.put("betweenUptakes", new double[] {s.meanUptake(b[0]), s.meanUptake(b[1])});
            nhs.put("marginalReductionPercentPerUptakePoint", Stats.mean(marginal));
            nhs.put("marginalReductionPercentPerUptakePointCi95", Stats.ci95HalfWidth(marginal));
        }
        m.put("nearPublishedUptake", nhs);
        return m;
    }

    private static Map<String, Object> parameters(SimulationConfig c) {
        Map<String, Object> m = Json.object();
        // The path loss that drives both modes is the environment's (device-sim Environment), not RadioModel's own.
        Map<String, Object> environments = Json.object();
        for (Environment e : Environment.values()) {
            Map<String, Object> env = Json.object();
            env.put("referenceDbAt1m", e.referenceDb());
            env.put("slopeDbPerDecade", e.slopeDbPerDecade());
            env.put("encounterSigmaDb", e.encounterSigmaDb());
            env.put("scanSigmaDb", e.scanSigmaDb());
            env.put("rideLevelSigmaDb", e.rideLevelSigmaDb());
            environments.put(e.name().toLowerCase(java.util.Locale.ROOT), env);
        }
        m.put("radioEnvironments", environments);
        m.put("radioShadowingSigmaDb", c.radio.shadowingSigmaDb());
        m.put("radioCalibrationSigmaDb", c.radio.calibrationSigmaDb());
        m.put("radioPacketLoss", c.radio.packetLoss());
        m.put("nearMinutesThreshold", c.nearMinutesThreshold());
        m.put("nearThresholdDb", Math.round(c.nearThresholdDb() * 100) / 100.0);
        m.put("riskConfiguration", c.risk.name());
        m.put("consentProbability", c.consentProbability);
        m.put("uploadDelayMeanHours", c.uploadDelayMeanHours);
        m.put("exportIntervalMinutes", c.exportIntervalMinutes);
        m.put("checkIntervalMinutes", c.checkIntervalMinutes);
        m.put("f1Compliance", c.f1Compliance);
        m.put("f1Facility", c.f1Facility);
        m.put("f1QuarantineDays", c.f1QuarantineDays);
        m.put("f1TestProbability", c.f1TestProbability);
        m.put("recursiveUploadProbability", c.recursiveUploadProbability);
        m.put("f2Compliance", c.f2Compliance);
        m.put("f2IsolationDays", c.f2IsolationDays);
        m.put("seedInfections", c.effectiveSeedInfections());
        m.put("transmissionBeta", c.disease.beta());
        m.put("otherMeasuresFactor", c.otherMeasuresFactor);
        m.put("asymptomaticFraction", c.disease.asymptomaticFraction());
        m.put("asymptomaticRelativeInfectiousness", c.disease.asymptomaticRelativeInfectiousness());
        m.put("testSeekProbability", c.disease.testSeekProbability());
        if (c.adoptionByBand != null) {
            m.put("adoptionByAgeBand", c.adoptionByBand);
        }
        return m;
    }
}
