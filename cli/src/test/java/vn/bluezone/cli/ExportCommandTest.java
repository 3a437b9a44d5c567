package vn.bluezone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code bluezone export} end to end: keygen, build, inspect (JSON and text), and the error paths. */
class ExportCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String HEADER = "key_hex,rolling_start_interval,rolling_period,transmission_risk,report_type,days_since_onset\n";

    @Test
    void keygenBuildInspect(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        CliRun gen = run("export", "keygen", "--out", keys.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        assertTrue(Files.readString(keys.resolve("private.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(keys.resolve("public.pem")).startsWith("-----BEGIN PUBLIC KEY-----"));
        String privateBefore = Files.readString(keys.resolve("private.pem"));

        CliRun again = run("export", "keygen", "--out", keys.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(privateBefore, Files.readString(keys.resolve("private.pem")), "the key was not overwritten");

        Path csv = dir.resolve("keys.csv");
        Files.writeString(csv, HEADER
                + "00112233445566778899aabbccddeeff,2690064,144,6,CONFIRMED_TEST,-2\n"
                + "\n"
                + "ffeeddccbbaa99887766554433221100,2690208,72,2,3,\n"
                + "0123456789ABCDEF0123456789abcdef,2690352,,,,0\n");
        Path zip = dir.resolve("out/export.zip");
        CliRun build = run("export", "build", "--keys", csv.toString(), "--region", "VN", "--private-key",
                keys.resolve("private.pem").toString(), "--key-id", "452", "--key-version", "v2", "--out", zip.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(build.out().contains("3 keys"), build.out());

        CliRun json = run("export", "inspect", zip.toString(), "--public-key", keys.resolve("public.pem").toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        String o = json.out().strip();
        assertTrue(o.startsWith("{") && o.endsWith("}") && o.lines().count() == 1, o);
        assertEquals("\"EK Export v1\"", field(o, "header"));
        assertEquals("\"VN\"", field(o, "region"));
        assertEquals("1", field(o, "batchNum"));
        assertEquals("1", field(o, "batchSize"));
        assertEquals(String.valueOf(2690064L * 600), field(o, "startTimestamp"), "default window starts with the earliest key");
        assertEquals(String.valueOf((2690352L + 144) * 600), field(o, "endTimestamp"));
        assertEquals("3", field(o, "keyCount"));
        assertTrue(o.contains("\"signatures\":[{\"keyId\":\"452\",\"keyVersion\":\"v2\",\"algorithm\":\"1.2.840.10045.4.3.2\""), o);
        assertTrue(o.contains("\"verified\":true"), o);

        CliRun text = run("export", "inspect", zip.toString(), "--keys");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("keys:        3"), text.out());
        assertTrue(text.out().contains("key 00112233445566778899aabbccddeeff start=2690064 period=144 risk=6 CONFIRMED_TEST onset=-2"), text.out());
        assertTrue(text.out().contains("key 0123456789abcdef0123456789abcdef start=2690352 period=144 risk=0 UNKNOWN onset=0"), text.out());
        assertTrue(text.out().contains("signatures not checked"), text.out());

        // Another key pair: the signature must not verify.
        Path other = dir.resolve("other");
        assertEquals(0, run("export", "keygen", "--out", other.toString()).exitCode());
        CliRun wrong = run("export", "inspect", zip.toString(), "--public-key", other.resolve("public.pem").toString());
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().startsWith("error: ") && wrong.err().contains("SIGNATURE_MISMATCH"), wrong.err());
        assertEquals(1, wrong.err().lines().count(), wrong.err());
        CliRun wrongJson = run("export", "inspect", zip.toString(), "--public-key", other.resolve("public.pem").toString(), "--json");
        assertEquals(2, wrongJson.exitCode());
        assertTrue(wrongJson.out().contains("\"valid\":false,\"reason\":\"SIGNATURE_MISMATCH\""), wrongJson.out());

        // Trusting both keys: one verifies, so the file passes.
        assertEquals(0, run("export", "inspect", zip.toString(), "--public-key", other.resolve("public.pem").toString(),
                "--public-key", keys.resolve("public.pem").toString()).exitCode());
    }

    @Test
    void badCsvRowsAreEachReportedByLineAndNothingIsWritten(@TempDir Path dir) throws Exception {
        assertEquals(0, run("export", "keygen", "--out", dir.toString()).exitCode());
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, HEADER
                + "00112233445566778899aabbccddeeff,2690064,144,6,CONFIRMED_TEST,-2\n"  // line 2: fine
                + "0011223344556677889,2690064,144,6,CONFIRMED_TEST,\n"                // line 3: short key
                + "ffeeddccbbaa99887766554433221100,2690064,200,6,1,\n"               // line 4: rolling period
                + "aaeeddccbbaa99887766554433221100,x,144,6,1,\n"                     // line 5: not a number
                + "bbeeddccbbaa99887766554433221100,2690064,144,6,POSITIVE,\n"        // line 6: report type
                + "cceeddccbbaa99887766554433221100,2690064,144,6,1,20\n"             // line 7: onset range
                + "00112233445566778899aabbccddeeff,2690208,144,6,1,\n"               // line 8: duplicate of line 2
                + "ddeeddccbbaa99887766554433221100,2690064,144\n"                   // line 9: columns
                + "\"1122334455667788990011223344eeff\",\"2690064\",144,6,1,\n"         // line 10: quoted, fine
                + "\"2233445566778899001122334455eeff,2690064,144,6,1,\n");            // line 11: unclosed quote
        Path zip = dir.resolve("bad.zip");
        CliRun r = run("export", "build", "--keys", csv.toString(), "--region", "VN", "--private-key",
                dir.resolve("private.pem").toString(), "--out", zip.toString());
        assertEquals(2, r.exitCode());
        String err = r.err();
        for (String expected : new String[] {"line 3: key_hex must be 32 hex digits", "line 4: rolling_period must be 1..144",
                "line 5: rolling_start_interval must be a whole number", "line 6: report_type must be one of",
                "line 7: days_since_onset must be -14..14", "line 8: key_hex 00112233445566778899aabbccddeeff repeats line 2",
                "line 9: expected 6 columns, found 3", "line 11: not a CSV row", "8 bad rows"}) {
            assertTrue(err.contains(expected), "missing '" + expected + "' in:\n" + err);
        }
        assertFalse(err.contains("line 2:"), err);
        assertFalse(err.contains("line 10:"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(zip));

        Files.writeString(csv, "key,start\n00,1\n");
        CliRun header = run("export", "build", "--keys", csv.toString(), "--region", "VN", "--private-key",
                dir.resolve("private.pem").toString(), "--out", zip.toString());
        assertEquals(2, header.exitCode());
        assertTrue(header.err().contains("line 1: the header row must be"), header.err());
    }

    @Test
    void inputErrorsAreOneLineWithTheReason(@TempDir Path dir) throws Exception {
        Path notZip = dir.resolve("x.zip");
        Files.writeString(notZip, "hello");
        CliRun r = run("export", "inspect", notZip.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("BAD_ZIP"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        CliRun missingKey = run("export", "build", "--keys", dir.resolve("none.csv").toString(), "--region", "VN",
                "--private-key", dir.resolve("none.pem").toString(), "--out", dir.resolve("o.zip").toString());
        assertEquals(2, missingKey.exitCode());
        assertTrue(missingKey.err().contains("BAD_KEY_FILE") && missingKey.err().contains("no such file"), missingKey.err());

        CliRun usage = run("export", "inspect");
        assertEquals(2, usage.exitCode());
    }

    /** A file from Google's reference server, checked with the key published beside it (committed test data). */
    @Test
    void inspectsAThirdPartyFile() {
        Path samples = Path.of("../protocol/src/test/resources/export-samples").toAbsolutePath().normalize();
        CliRun r = run("export", "inspect", samples.resolve("google-sample-export.zip").toString(), "--public-key",
                samples.resolve("google-ens-sample-export-2020-05-15.pub.pem").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1589490000", field(r.out(), "startTimestamp"));
        assertEquals("\"US\"", field(r.out(), "region"));
        assertTrue(r.out().contains("\"keyId\":\"ExampleServer_k1\""), r.out());
        assertTrue(r.out().contains("\"verified\":true"), r.out());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|-?\\d+|true|false|null)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }
}
