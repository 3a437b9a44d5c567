package vn.bluezone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.bluezone.simulator.ProgressListener;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.SimulationOutcome;
import vn.bluezone.simulator.Simulator;
import vn.bluezone.simulator.report.ReportFiles;
import vn.bluezone.simulator.report.ReportText;

/** {@code bluezone simulate}: a synthetic commune, with and without the app, and optionally an adoption sweep. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a commune's epidemic with and without the app; write report.html, metrics.json "
                + "and contacts-sample.csv.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--commune", description = "GSO commune code (default ${DEFAULT-VALUE}).", defaultValue = "19873")
    int commune;

    @Option(names = "--commune-name", description = "The commune's name in the report's title (default: Xã Quảng "
            + "Ngạn for 19873, otherwise the code).")
    String communeName;

    @Option(names = "--population", description = "People (default ${DEFAULT-VALUE}).", defaultValue = "10000")
    int population;

    @Option(names = "--days", description = "Simulated days (default ${DEFAULT-VALUE}).", defaultValue = "60")
    int days;

    @Option(names = "--adoption", description = "App adoption among smartphone owners, 0..1 (default ${DEFAULT-VALUE}).",
            defaultValue = "0.4")
    double adoption;

    @Option(names = "--adoption-by-age", paramLabel = "R0,R1,R2,R3,R4,R5",
            description = "Adoption by age band 0-11,12-17,18-34,35-49,50-64,65+ (overrides --adoption).")
    String adoptionByAge;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--sweep-adoption", paramLabel = "LIST", description = "Adoption levels, e.g. 0,0.2,0.4,0.6,0.8.")
    String sweep;

    @Option(names = "--seeds", description = "Seeds per sweep level and for the check-in comparison "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "5")
    int seeds;

    @Option(names = "--mode", description = "contacts (contact model, no crypto) or engines (real device engines "
            + "against a key server) (default ${DEFAULT-VALUE}).", defaultValue = "contacts")
    String mode;

    @Option(names = "--phone-storage", paramLabel = "memory|sqlite", description = "Engines mode: where each "
            + "phone keeps its data, the simulator's in-memory store (fast) or an in-memory SQLite database as a real "
            + "phone's (default ${DEFAULT-VALUE}).", defaultValue = "memory")
    String phoneStorage;

    @Option(names = "--server", paramLabel = "URL", description = "A running Bluezone server: every simulated "
            + "phone registers its install and sends daily heartbeats there, so its console shows the commune live. "
            + "With --mode engines the phones also use its key server (a test server with a simulation clock; "
            + "needs --api-key).")
    String server;

    @Option(names = "--api-key", paramLabel = "KEY", description = "With --mode engines and --server: an "
            + "administrator's API key on that server (default: environment BLUEZONE_API_KEY).",
            defaultValue = "${env:BLUEZONE_API_KEY}")
    String apiKey;

    @Option(names = "--noise", paramLabel = "DB", description = "Radio noise: scales the encounter radio model's "
            + "random terms, 8 = as fitted, 0 = none (default ${DEFAULT-VALUE}).",
            defaultValue = "8")
    double noise;

    @Option(names = "--packet-loss", description = "Probability a scan misses a packet (default ${DEFAULT-VALUE}).",
            defaultValue = "0.1")
    double packetLoss;

    @Option(names = "--consent", description = "Probability a confirmed app user uploads (default ${DEFAULT-VALUE}).",
            defaultValue = "0.8")
    double consent;

    @Option(names = "--f1-compliance", description = "Probability a warned F1 quarantines (default ${DEFAULT-VALUE}).",
            defaultValue = "0.8")
    double f1Compliance;

    @Option(names = "--f2-compliance", description = "Probability a warned F2 isolates at home (default ${DEFAULT-VALUE}).",
            defaultValue = "0.5")
    double f2Compliance;

    @Option(names = "--recursive-upload", description = "Probability a warned F1 uploads a recursive report "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "0.5")
    double recursiveUpload;

    @Option(names = "--checkin-share", paramLabel = "P", description = "Share of app users who check in at markets, "
            + "eateries and the one-stop desk, 0..1; above 0 the report compares check-ins with Bluetooth alone at "
            + "--seeds seeds (default ${DEFAULT-VALUE}).", defaultValue = "0")
    double checkinShare;

    @Option(names = "--checkin-min-overlap", paramLabel = "MIN", description = "Minutes a check-in must overlap a "
            + "case's to warn (default ${DEFAULT-VALUE}, the phones' default).", defaultValue = "15")
    int checkinMinOverlap;

    @Option(names = "--shared-air-quanta", paramLabel = "Q", description = "Shared-air (Wells-Riley) quanta per hour "
            + "of an infectious person at peak in markets, eateries and the desk; 0 = off (default ${DEFAULT-VALUE}).",
            defaultValue = "2.7")
    double sharedAirQuanta;

    @Option(names = "--other-measures", paramLabel = "F", description = "Other (non-app) measures: a factor on every "
            + "transmission hazard, above 0 and at most 1; the early reproduction number is about F times R0 2.0 "
            + "(default ${DEFAULT-VALUE} = none).", defaultValue = "1")
    double otherMeasures;

    @Option(names = "--risk-preset", paramLabel = "NAME", description = "The phones' rule: vietnam-f1-ministry "
            + "(default, the Ministry's 2 m for 15 min) or vietnam-f1-derived (62 dB for 30 min); engines mode: "
            + "the in-process key server distributes it. Ground truth stays 15 minutes within 2 m.",
            defaultValue = "vietnam-f1-ministry")
    String riskPreset;

    @Option(names = "--lang", paramLabel = "vi|en", description = "Language of report.html (default ${DEFAULT-VALUE}).",
            defaultValue = "vi")
    String lang;

    @Override
    public Integer call() {
        ReportText text;
        try {
            text = ReportText.of(lang);
        } catch (IllegalArgumentException e) {
            throw new CliException("--lang must be 'vi' or 'en', got '" + lang + "'", e);
        }
        SimulationConfig cfg = new SimulationConfig();
        cfg.commune = commune;
        cfg.communeName = communeName != null ? communeName : commune == 19873 ? cfg.communeName : null;
        cfg.population = population;
        cfg.days = days;
        cfg.adoption = adoption;
        cfg.seed = seed;
        cfg.adoptionByBand = adoptionByAge == null ? null : parseList("--adoption-by-age", adoptionByAge);
        cfg.mode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "contacts" -> SimulationConfig.Mode.CONTACTS;
            case "engines" -> SimulationConfig.Mode.ENGINES;
            default -> throw new CliException("--mode must be 'contacts' or 'engines', got '" + mode + "'");
        };
        cfg.phoneStorage = switch (phoneStorage.toLowerCase(Locale.ROOT)) {
            case "memory" -> SimulationConfig.PhoneStorage.MEMORY;
            case "sqlite" -> SimulationConfig.PhoneStorage.SQLITE;
            default -> throw new CliException("--phone-storage must be 'memory' or 'sqlite', got '" + phoneStorage + "'");
        };
        cfg.serverUrl = server;
        cfg.apiKey = apiKey;
        cfg.radio = cfg.radio.withShadowing(noise);
        cfg.radio = new vn.bluezone.simulator.tracing.RadioModel(cfg.radio.referenceLossDb(),
                cfg.radio.pathLossExponent(), cfg.radio.shadowingSigmaDb(), cfg.radio.calibrationSigmaDb(),
                packetLoss);
        cfg.consentProbability = consent;
        cfg.f1Compliance = f1Compliance;
        cfg.f2Compliance = f2Compliance;
        cfg.recursiveUploadProbability = recursiveUpload;
        cfg.checkinShare = checkinShare;
        cfg.checkinMinimumOverlapMinutes = checkinMinOverlap;
        cfg.sharedAirQuantaPerHour = sharedAirQuanta;
        cfg.otherMeasuresFactor = otherMeasures;
        try {
            cfg.risk = vn.bluezone.protocol.risk.RiskPreset.byName(riskPreset).configuration();
        } catch (vn.bluezone.protocol.risk.RiskConfigurationException e) {
            throw new CliException("--risk-preset: " + e.getMessage(), e);
        }
        double[] levels = sweep == null ? null : parseList("--sweep-adoption", sweep);
        PrintWriter err = spec.commandLine().getErr();
        SimulationOutcome outcome;
        try {
            outcome = Simulator.simulate(cfg, levels, seeds, new ProgressBar(err));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new CliException(e.getMessage(), e);
        }
        try {
            ReportFiles.write(outcome, out, text);
        } catch (IOException e) {
            throw new CliException("cannot write " + out + ": " + e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "attack rate %.1f%% with the app, %.1f%% without; report in %s%n",
                outcome.withApp().attackRate() * 100, outcome.withoutApp().attackRate() * 100,
                out.resolve("report.html"));
        o.flush();
        return 0;
    }

    static double[] parseList(String option, String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new CliException(option + " must be a comma-separated list of numbers, got '" + text + "'");
        }
    }

    /** One line on stderr, redrawn in place: run, simulated day, days per second and person-days per second. */
    static final class ProgressBar implements ProgressListener {
        private final PrintWriter err;
        private long lastDraw;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void day(String label, int day, int days, long peopleDays, double elapsed) {
            long now = System.nanoTime();
            // Redraw at most four times a second (and always at a run's last day).
            if (day < days && now - lastDraw < 250_000_000L) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int done = (int) ((long) width * day / days);
            double rate = elapsed > 0 ? day / elapsed : 0;
            err.printf(Locale.ROOT, "\r%-34s [%s%s] day %d/%d  %.1f days/s  %,.0f person-days/s", label,
                    "#".repeat(done), "-".repeat(width - done), day, days, rate,
                    elapsed > 0 ? peopleDays / elapsed : 0.0);
            if (day == days) {
                err.println();
            }
            err.flush();
        }
    }
}
