package vn.bluezone.protocol.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.proto.ExportProto;

/**
 * Our files checked by tools we did not write: {@code openssl dgst -sha256 -verify} on export.bin with the DER
 * signature from export.sig, and {@code protoc --decode_raw} on the protobuf body (field numbers, not names,
 * so this checks the wire format against the standard's numbering independently of our .proto).
 */
class ExportInteropTest {
    private static final KeyPair PAIR = P256Keys.generate();

    private static final TemporaryExposureKey KEY = new TemporaryExposureKey(
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff"), 2_690_064, 144, 6,
            ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, -3);

    private static Path writeFile(Path dir) throws Exception {
        ExportBatch batch = new ExportBatch("VN", 1_600_000_000L, 1_600_003_600L, 1, 1, List.of(KEY,
                new TemporaryExposureKey(HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100"), 2_690_208, 72, 2,
                        ReportType.SELF_REPORT, null)), List.of());
        byte[] zip = new KeyExportWriter().write(batch, List.of(new SigningKey(PAIR.getPrivate(), "452", "v1")));
        byte[] bin = ExportSampleTable.entry(zip, "export.bin");
        byte[] sig = ExportSampleTable.entry(zip, "export.sig");
        Files.write(dir.resolve("export.bin"), bin);
        Files.write(dir.resolve("export.sig"), sig);
        Files.write(dir.resolve("sig.der"), ExportProto.TEKSignatureList.parseFrom(sig).getSignatures(0).getSignature().toByteArray());
        Files.write(dir.resolve("body"), java.util.Arrays.copyOfRange(bin, 16, bin.length));
        Files.writeString(dir.resolve("public.pem"), P256Keys.toPem(PAIR.getPublic()));
        return dir;
    }

    @Test
    void opensslVerifiesOurSignature(@TempDir Path dir) throws Exception {
        ExternalTools.requireOrSkip("openssl", "ExportInteropTest.opensslVerifiesOurSignature");
        writeFile(dir);
        List<String> verify = List.of("openssl", "dgst", "-sha256", "-verify", "public.pem", "-signature", "sig.der", "export.bin");
        ExternalTools.Result ok = ExternalTools.run(dir, null, verify);
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().contains("Verified OK"), ok.out());

        // The same command must fail on a changed file, or the check above proves nothing.
        byte[] bin = Files.readAllBytes(dir.resolve("export.bin"));
        bin[bin.length - 1] ^= 1;
        Files.write(dir.resolve("export.bin"), bin);
        ExternalTools.Result bad = ExternalTools.run(dir, null, verify);
        assertNotEquals(0, bad.exit(), bad.out());
    }

    @Test
    void protocDecodesTheStandardFieldNumbers(@TempDir Path dir) throws Exception {
        ExternalTools.requireOrSkip("protoc", "ExportInteropTest.protocDecodesTheStandardFieldNumbers");
        writeFile(dir);
        ExternalTools.Result r = ExternalTools.run(dir, dir.resolve("body"), List.of("protoc", "--decode_raw"));
        assertEquals(0, r.exit(), r.out());
        String out = r.out();
        // fixed64 timestamps (printed in hex by decode_raw), region, batch, signature info.
        assertTrue(out.contains("1: 0x" + String.format("%016x", 1_600_000_000L)), out);
        assertTrue(out.contains("2: 0x" + String.format("%016x", 1_600_003_600L)), out);
        assertTrue(out.contains("3: \"VN\""), out);
        assertTrue(out.contains("4: 1\n") && out.contains("5: 1\n"), out);
        assertTrue(Pattern.compile("6 \\{\\s+3: \"v1\"\\s+4: \"452\"\\s+5: \"1.2.840.10045.4.3.2\"\\s+}").matcher(out).find(), out);
        assertEquals(2, count(out, Pattern.compile("(?m)^7 \\{")), out);
        // The first key (sorted by key bytes): key_data, TRL 6, start, period 144, report type 2,
        // days since onset -3 zig-zag encoded as sint32 = 5.
        Matcher k = Pattern.compile("7 \\{\\s+1: \"((?:[^\"\\\\]|\\\\.)*)\"\\s+2: 6\\s+3: 2690064\\s+4: 144\\s+5: 2\\s+6: 5\\s+}").matcher(out);
        assertTrue(k.find(), out);
        assertEquals("\\000\\021\\\"3DUfw\\210\\231\\252\\273\\314\\335\\356\\377", k.group(1));
        // The second key: no days since onset, report type 3.
        assertTrue(Pattern.compile("7 \\{\\s+1: \"(?:[^\"\\\\]|\\\\.)*\"\\s+2: 2\\s+3: 2690208\\s+4: 72\\s+5: 3\\s+}").matcher(out).find(), out);

        ExternalTools.Result sig = ExternalTools.run(dir, dir.resolve("export.sig"), List.of("protoc", "--decode_raw"));
        assertEquals(0, sig.exit(), sig.out());
        assertTrue(Pattern.compile("1 \\{\\s+1 \\{\\s+3: \"v1\"\\s+4: \"452\"\\s+5: \"1.2.840.10045.4.3.2\"\\s+}\\s+2: 1\\s+3: 1\\s+4: \"")
                .matcher(sig.out()).find(), sig.out());
    }

    private static int count(String s, Pattern p) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
