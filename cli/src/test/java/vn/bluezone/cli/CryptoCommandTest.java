package vn.bluezone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CryptoCommandTest {
    private static final String TEK = "75c734c6dd1a782de7a965da5eb93125";
    private static final String DK = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    /** The published v1.2 vectors committed in the protocol module (repository path, not ../shared). */
    private static List<String> expectedRpiLines() throws Exception {
        Path tsv = Path.of(System.getProperty("user.dir"))
                .resolve("../protocol/src/test/resources/gaen/gaen-test-vectors-v1.2.tsv");
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = l.split("\t");
            if (f.length == 4 && !l.startsWith("#")) {
                lines.add(f[1] + " " + f[2] + " " + f[3]);
            }
        }
        return lines;
    }

    @Test
    void rpiPrintsAllPublishedVectorsByDefault() throws Exception {
        CliRun r = CliRun.of("crypto", "rpi", "--tek", TEK, "--interval", "2642976");
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = expectedRpiLines();
        assertEquals(144, expected.size());
        String[] lines = r.outLines();
        assertEquals(145, lines.length, "144 lines, each ending in a newline");
        assertEquals("", lines[144]);
        for (int i = 0; i < 144; i++) {
            assertEquals(expected.get(i), lines[i], "line " + i);
        }
        assertEquals("", r.err());
    }

    @Test
    void rpiCountAndOffsetAndUpperCaseInput() throws Exception {
        CliRun r = CliRun.of("crypto", "rpi", "--tek", TEK.toUpperCase(), "--interval", "2643000", "--count", "3",
                "--metadata", "40080000");
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = expectedRpiLines();
        assertEquals(String.join("\n", expected.subList(24, 27)) + "\n", r.out());
    }

    @Test
    void rpiMetadataChangesOnlyTheAem() {
        CliRun a = CliRun.of("crypto", "rpi", "--tek", TEK, "--interval", "2642976", "--count", "1");
        CliRun b = CliRun.of("crypto", "rpi", "--tek", TEK, "--interval", "2642976", "--count", "1",
                "--metadata", "50f60000");
        assertEquals(0, b.exitCode(), b.err());
        String[] fa = a.out().trim().split(" ");
        String[] fb = b.out().trim().split(" ");
        assertEquals(fa[0], fb[0]);
        assertEquals(fa[1], fb[1]);
        assertFalse(fa[2].equals(fb[2]));
        // CTR: the two AEMs differ exactly by the XOR of the two metadata values.
        byte[] x = HexFormat.of().parseHex(fa[2]);
        byte[] y = HexFormat.of().parseHex(fb[2]);
        byte[] m1 = HexFormat.of().parseHex("40080000");
        byte[] m2 = HexFormat.of().parseHex("50f60000");
        for (int i = 0; i < 4; i++) {
            assertEquals(x[i] ^ y[i], m1[i] ^ m2[i]);
        }
    }

    @Test
    void rpiUpToTheLastInterval() {
        CliRun r = CliRun.of("crypto", "rpi", "--tek", TEK, "--interval", "4294967294", "--count", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().count());
        assertTrue(r.out().lines().toList().get(1).startsWith("4294967295 "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--tek|75c734c6dd1a782de7a965da5eb931|0|144|40080000|--tek must be 32 hex digits",
            "--tek|75c734c6dd1a782de7a965da5eb931zz|0|144|40080000|--tek must be 32 hex digits",
            "--tek|75c734c6dd1a782de7a965da5eb9312500|0|144|40080000|--tek must be 32 hex digits",
            "--interval|" + TEK + "|-1|144|40080000|--interval must be a whole number 0..4294967295",
            "--interval|" + TEK + "|4294967296|144|40080000|--interval must be a whole number 0..4294967295",
            "--interval|" + TEK + "|99999999999999999999999|144|40080000|--interval must be a whole number",
            "--interval|" + TEK + "|12abc|144|40080000|--interval must be a whole number",
            "--interval|" + TEK + "|1.5|144|40080000|--interval must be a whole number",
            "--count|" + TEK + "|0|0|40080000|--count must be a whole number 1..1000000",
            "--count|" + TEK + "|0|-3|40080000|--count must be a whole number 1..1000000",
            "--count|" + TEK + "|0|ten|40080000|--count must be a whole number 1..1000000",
            "--count|" + TEK + "|0|1000001|40080000|--count must be a whole number 1..1000000",
            "--metadata|" + TEK + "|0|1|400800|--metadata must be 8 hex digits",
            "--metadata|" + TEK + "|0|1|4008000x|--metadata must be 8 hex digits",
            "range|" + TEK + "|4294967295|2|40080000|goes past the largest ENIntervalNumber 4294967295",
    })
    void rpiBadInputIsOneClearLineAndExit2(String what, String tek, String interval, String count, String metadata,
                                           String message) {
        CliRun r = CliRun.of("crypto", "rpi", "--tek", tek, "--interval", interval, "--count", count,
                "--metadata", metadata);
        assertEquals(2, r.exitCode(), what);
        assertEquals("", r.out(), what);
        assertEquals(1, r.err().lines().count(), what + ": " + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message), what + ": " + r.err());
    }

    @Test
    void bluezoneIdPrintsOneDayByDefault() throws Exception {
        CliRun r = CliRun.of("crypto", "bluezone-id", "--daily-key", DK);
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(96, lines.size());
        // Independent check: SHA-256 step by step.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] sk = sha.digest((new String(HexFormat.of().parseHex(DK), StandardCharsets.ISO_8859_1)
                + "bluzonesubkey").getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 96; i++) {
            byte[] id = {sk[0], sk[4], sk[8], sk[12], sk[16], sk[18], sk[20], sk[22], sk[24], sk[26], sk[28], sk[30]};
            assertEquals(i + " " + HexFormat.of().formatHex(id), lines.get(i));
            sk = sha.digest(sk);
        }
        assertEquals("0 130cea6472130c185d8643df", lines.get(0)); // computed with Python hashlib
    }

    @Test
    void bluezoneIdCount() {
        CliRun r = CliRun.of("crypto", "bluezone-id", "--daily-key", DK.toUpperCase(), "--count", "2");
        assertEquals("0 130cea6472130c185d8643df\n1 893dae342437130ce5e23837\n", r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0001|96|--daily-key must be 64 hex digits",
            DK + "00|96|--daily-key must be 64 hex digits",
            "g000000000000000000000000000000000000000000000000000000000000000|96|--daily-key must be 64 hex digits",
            DK + "|0|--count must be a whole number 1..96",
            DK + "|97|--count must be a whole number 1..96",
            DK + "|x|--count must be a whole number 1..96",
    })
    void bluezoneIdBadInput(String key, String count, String message) {
        CliRun r = CliRun.of("crypto", "bluezone-id", "--daily-key", key, "--count", count);
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message), r.err());
    }

    @Test
    void helpListsBothSubcommands() {
        CliRun r = CliRun.of("crypto", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("rpi") && r.out().contains("bluezone-id"), r.out());
    }

    @Test
    void missingTekIsAnError() {
        CliRun r = CliRun.of("crypto", "rpi", "--interval", "1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("--tek"), r.err());
    }
}
