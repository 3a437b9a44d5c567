package vn.bluezone.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.protocol.risk.RiskConfigurationException;
import vn.bluezone.protocol.risk.RiskPreset;
import vn.bluezone.protocol.risk.evaluation.DetectionRule;
import vn.bluezone.protocol.risk.evaluation.FieldDataCsv;
import vn.bluezone.protocol.risk.evaluation.FieldDataException;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;
import vn.bluezone.protocol.risk.evaluation.ReportFormat;
import vn.bluezone.protocol.risk.evaluation.RuleEvaluation;

/** {@code bluezone rule ...}: detection rules against field measurements. */
@Command(name = "rule", mixinStandardHelpOptions = true, description = "Detection rules and field tests.",
        subcommands = RuleCommand.Evaluate.class)
final class RuleCommand implements Runnable {

    @Override
    public void run() {
        throw new CliException("missing subcommand; try 'bluezone rule evaluate --data FILE.csv'");
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"How a detection rule does on a field test: phones measured at known distances.",
                    "For the configured rule (--config or --preset, else the shipped default: the Ministry's rule,",
                    "15 min within 2 m, at most 58 dB) and the Swiss, German and",
                    "Italian 2020 rules: TPR and FPR at <= 1.5 m and <= 2 m with 95% Wilson intervals; the ROC AUC of",
                    "the rule's score; the best threshold under leave-one-pair-out cross-validation.",
                    "CSV layouts (header line decides): pair_id,environment,distance_m,duration_s,att_lt_X,att_X_Y,...,",
                    "att_ge_Y (seconds per attenuation bucket), or raw scans pair_id,distance_m,time_s,attenuation_db.",
                    "Last line: rule TPR=... FPR=... J=... AUC=... (configured rule, <= 2 m)."})
    static final class Evaluate implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "The field test (UTF-8 CSV).")
        Path data;

        @Option(names = "--config", paramLabel = "risk.json",
                description = "A risk configuration (as served at /api/v1/config's risk part). Default: the shipped Ministry rule.")
        Path config;

        @Option(names = "--preset", paramLabel = "NAME",
                description = "A shipped risk configuration instead of --config: vietnam-f1-ministry (the default, the"
                        + " Ministry's F1 definition, 2 m (58 dB) for 15 min) or vietnam-f1-derived (62 dB for 30 min).")
        String preset;

        @Option(names = "--json", description = "Print the whole result as one JSON object instead of the table.")
        boolean json;

        @Override
        public void run() {
            RiskConfiguration risk = chooseRule();
            List<FieldExposure> exposures = loadData(data);
            RuleEvaluation.Report report = RuleEvaluation.evaluate(exposures, DetectionRule.of(risk),
                    List.of(DetectionRule.swiss(), DetectionRule.german(), DetectionRule.italian()));
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? ReportFormat.json(report) + System.lineSeparator() : ReportFormat.text(report));
            out.flush();
        }

        private RiskConfiguration chooseRule() {
            if (config != null && preset != null) {
                throw new CliException("--config and --preset exclude each other; give one");
            }
            if (config != null) {
                return loadConfig(config);
            }
            try {
                return preset == null ? RiskConfiguration.vietnamDefault() : RiskPreset.byName(preset).configuration();
            } catch (RiskConfigurationException e) {
                throw new CliException("--preset: " + e.getMessage(), e);
            }
        }

        private static RiskConfiguration loadConfig(Path p) {
            try (InputStream in = Files.newInputStream(p)) {
                return RiskConfiguration.load(in);
            } catch (NoSuchFileException e) {
                throw new CliException("--config " + p + ": no such file");
            } catch (IOException e) {
                throw new CliException("--config " + p + ": " + e.getMessage(), e);
            } catch (RiskConfigurationException e) {
                throw new CliException("--config " + p + ": " + e.getMessage(), e);
            }
        }

        private static List<FieldExposure> loadData(Path p) {
            try (Reader r = new java.io.InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
                return FieldDataCsv.read(r);
            } catch (NoSuchFileException e) {
                throw new CliException("--data " + p + ": no such file");
            } catch (MalformedInputException e) {
                throw new CliException("--data " + p + ": not valid UTF-8");
            } catch (IOException e) {
                throw new CliException("--data " + p + ": " + e.getMessage(), e);
            } catch (FieldDataException e) {
                throw new CliException("--data " + p + ": " + e.getMessage(), e);
            }
        }
    }
}
