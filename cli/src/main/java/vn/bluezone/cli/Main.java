package vn.bluezone.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the {@code bluezone} command. Every error ends as one line on stderr and exit status 2;
 * a stack trace is shown only with {@code --debug}.
 */
@Command(name = "bluezone",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Bluezone: privacy-preserving close-contact detection, its key server and its install campaign.",
        footer = {"", "Benchmarks are not part of this command: './bluezone bench --help' runs them from the bench module."},
        subcommands = {
                StartCommand.class,
                CryptoCommand.class,
                ExportCommand.class,
                SimulateCommand.class,
                RuleCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit status for every usage or input error. */
    public static final int EXIT_ERROR = 2;

    @Option(names = "--debug", description = "Print stack traces on errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (containsDebug(parseResult)) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().println("error: " + describe(ex));
            return EXIT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, argv) -> {
            // One line: the problem and where to read more.
            ex.getCommandLine().getErr().println("error: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_ERROR;
        });
        return cl.execute(args);
    }

    private static boolean containsDebug(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable ex) {
        String msg = ex.getMessage();
        return (msg == null || msg.isBlank()) ? ex.getClass().getSimpleName() : msg;
    }

    /** Reports the project version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"bluezone " + (v == null ? "development" : v)};
        }
    }
}
