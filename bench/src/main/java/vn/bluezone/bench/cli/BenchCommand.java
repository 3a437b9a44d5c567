package vn.bluezone.bench.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bluezone.bench.QuickMatchBench;

/**
 * {@code bluezone bench ...}: quick benchmarks (the figures of record come from JMH; see bench/README.md). Not part
 * of the production command: the {@code ./bluezone} launcher runs it on the bench module's own classpath. Every
 * error ends as one line on stderr and exit status 2, as in the production command.
 */
@Command(name = "bluezone bench", mixinStandardHelpOptions = true, description = "Quick benchmarks.",
        subcommands = BenchCommand.Match.class)
public final class BenchCommand implements Runnable {
    /** Exit status for every usage or input error, as the production command's. */
    public static final int EXIT_ERROR = 2;

    @Override
    public void run() {
        throw new IllegalArgumentException("missing subcommand; try 'bluezone bench match'");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName()
                    : ex.getMessage()));
            return EXIT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_ERROR;
        });
        return cl.execute(args);
    }

    /** Times the optimized matcher against the straightforward baseline on the same generated workload. */
    @Command(name = "match", mixinStandardHelpOptions = true,
            description = {"Matching speed: optimized vs baseline RPIs per second per core, on generated keys.",
                    "The last line reads: optimized X RPIs/s/core, baseline Y RPIs/s/core, ratio Zx."})
    static final class Match implements Runnable {
        static final int MAX_KEYS = 2_000_000;
        static final int MAX_OBSERVED = 2_000_000;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--keys", paramLabel = "N", defaultValue = "20000",
                description = "Diagnosis keys (144 RPIs each), 1..2000000. Default: ${DEFAULT-VALUE}.")
        int keys;

        @Option(names = "--observed", paramLabel = "M", defaultValue = "20000",
                description = "Observed RPIs, 0..2000000. Default: ${DEFAULT-VALUE}.")
        int observed;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
                description = "Measuring time per matcher in seconds, 0.01..600 (warm-up takes half as much again). "
                        + "Default: ${DEFAULT-VALUE}.")
        double seconds;

        @Override
        public void run() {
            if (keys < 1 || keys > MAX_KEYS) {
                throw new IllegalArgumentException("--keys must be 1.." + MAX_KEYS + ", was " + keys);
            }
            if (observed < 0 || observed > MAX_OBSERVED) {
                throw new IllegalArgumentException("--observed must be 0.." + MAX_OBSERVED + ", was " + observed);
            }
            if (!(seconds >= 0.01 && seconds <= 600)) {
                throw new IllegalArgumentException("--seconds must be 0.01..600, was " + seconds);
            }
            PrintWriter out = spec.commandLine().getOut();
            QuickMatchBench.Result r = QuickMatchBench.run(keys, observed, seconds, out);
            out.println(r.summary());
            out.flush();
        }
    }
}
