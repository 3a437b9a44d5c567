package vn.bluezone.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the command's contract (format, exit codes), not speed: speed is measured by JMH. Arguments are those after {@code ./bluezone bench}. */
class BenchCommandTest {

    static final Pattern SUMMARY = Pattern.compile(
            "optimized \\d+\\.\\dM RPIs/s/core, baseline \\d+\\.\\dM RPIs/s/core, ratio \\d+\\.\\dx");

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = BenchCommand.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void printsTheComparisonOnItsLastLine() {
        Run r = run("match", "--keys", "40", "--observed", "300", "--seconds", "0.05");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertTrue(SUMMARY.matcher(lines[lines.length - 1]).matches(), "last line: " + lines[lines.length - 1]);
        assertTrue(r.out().contains("40 keys (5,760 RPIs) against 300 observed RPIs"), r.out());
        assertTrue(r.out().contains("(optimized, baseline and all-cores agree)"), r.out());
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneErrorLine() {
        for (String[] args : new String[][] {
                {"match", "--keys", "0"},
                {"match", "--keys", "many"},
                {"match", "--observed", "-1"},
                {"match", "--keys", "2000001"},
                {"match", "--seconds", "0"},
                {"match", "--seconds", "NaN"},
                {"match", "--bogus"},
                {}}) {
            Run r = run(args);
            assertEquals(BenchCommand.EXIT_ERROR, r.status(), String.join(" ", args));
            assertTrue(r.err().startsWith("error: "), String.join(" ", args) + " -> " + r.err());
            assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
            assertEquals("", r.out());
        }
    }
}
