package vn.bluezone.bench.keyserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class UploadLoadTest {
    @Test
    void aTenMinuteRunAtTwoThousandPerSecondFitsTheCapsAndNoMore() throws Exception {
        UploadLoad.Options o = UploadLoad.parse(new String[] {"--url", "http://127.0.0.1:18150", "--uploads", "1200000",
                "--seconds", "600", "--rate", "2000", "--concurrency", "32"}, "bz_key");
        assertEquals(1_200_000, o.uploads());
        assertEquals(60, o.baselineSeconds(), "the baseline is a rate: a minute of it is enough");
        assertEquals(2000, o.rate());
        assertEquals(8, o.prepareConcurrency());
        assertTrue(usage("--uploads", "1200001").contains("1..1200000"));
        assertTrue(usage("--seconds", "601").contains("1..600"));
        assertTrue(usage("--rate", "2001").contains("1..2000"));
        assertTrue(usage("--prepare-concurrency", "25").contains("1..24"));
        assertTrue(usage("--uploads", "lots").contains("not lots"));
    }

    @Test
    void onlyLoopback() {
        assertTrue(usage("--url", "http://10.1.2.3:8080").contains("loopback"));
        assertTrue(usage("--url", "https://127.0.0.1:8080").contains("loopback"));
        assertTrue(usage("--url", "http://no-such-host.invalid").contains("loopback"));
    }

    @Test
    void needsAnApiKey() {
        UploadLoad.UsageException e = assertThrows(UploadLoad.UsageException.class,
                () -> UploadLoad.parse(new String[] {"--uploads", "10"}, null));
        assertTrue(e.getMessage().contains("--api-key"));
        assertTrue(usage("--frobnicate", "1").contains("unknown option"));
    }

    @Test
    void failuresPrintAsOneLine() {
        Exception wrapped = new ExecutionException(new UploadLoad.PreparationFailed(
                "/api/v1/admin/codes: HTTP 503 {\"error\":\"BUSY\",\n\"message\":\"the server is busy\"} (after 6 attempts)"));
        String line = UploadLoad.oneLine(wrapped);
        assertEquals("/api/v1/admin/codes: HTTP 503 {\"error\":\"BUSY\", \"message\":\"the server is busy\"} (after 6 attempts)", line);
        String io = UploadLoad.oneLine(new RuntimeException(new java.net.ConnectException("Connection refused")));
        assertTrue(io.startsWith("RuntimeException: java.net.ConnectException") || io.startsWith("ConnectException"), io);
        assertFalse(io.contains("\n"));
    }

    @Test
    void anUploadCountsOnlyWhenAllFourteenKeysWereStored() {
        StringBuilder all = new StringBuilder("{\"insertedExposures\":14,\"results\":[");
        for (int i = 0; i < 14; i++) {
            all.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"status\":\"ACCEPTED\"}");
        }
        all.append("]}");
        assertTrue(UploadLoad.storedAll(all.toString()));
        assertFalse(UploadLoad.storedAll(all.toString().replace("\"insertedExposures\":14", "\"insertedExposures\":13")));
        assertFalse(UploadLoad.storedAll(all.toString().replaceFirst("ACCEPTED", "REJECTED")));
        assertFalse(UploadLoad.storedAll("{\"error\":\"CERTIFICATE_USED\"}"));
        assertFalse(UploadLoad.storedAll("not json"));
    }

    @Test
    void percentiles() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, UploadLoad.percentile(sorted, 0.50));
        assertEquals(99, UploadLoad.percentile(sorted, 0.99));
        assertEquals(0, UploadLoad.percentile(new long[0], 0.99));
    }

    private static String usage(String option, String value) {
        return assertThrows(UploadLoad.UsageException.class,
                () -> UploadLoad.parse(new String[] {option, value}, "bz_key")).getMessage();
    }
}
