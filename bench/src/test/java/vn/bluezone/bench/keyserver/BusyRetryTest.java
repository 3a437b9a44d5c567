package vn.bluezone.bench.keyserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyRetryTest {
    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    private static KeepAliveConnection.Response answer(int status, String retryAfter) {
        return new KeepAliveConnection.Response(status, "{}".getBytes(StandardCharsets.UTF_8), retryAfter);
    }

    @Test
    void waitsAsRetryAfterSaysInSecondsOrAsADate() {
        assertEquals(5_000, BusyRetry.waitMillis("5", 1, NOW));
        assertEquals(0, BusyRetry.waitMillis("0", 3, NOW));
        assertEquals(7_000, BusyRetry.waitMillis("Wed, 02 Dec 2026 18:00:07 GMT", 1, NOW));
        assertEquals(0, BusyRetry.waitMillis("Wed, 02 Dec 2026 17:59:00 GMT", 1, NOW), "a date passed: at once");
    }

    @Test
    void capsLongWaitsAndBacksOffWithoutAUsableHeader() {
        assertEquals(BusyRetry.MAX_WAIT_MILLIS, BusyRetry.waitMillis("3600", 1, NOW));
        assertEquals(1_000, BusyRetry.waitMillis(null, 1, NOW));
        assertEquals(2_000, BusyRetry.waitMillis("", 2, NOW));
        assertEquals(4_000, BusyRetry.waitMillis("soon", 3, NOW));
        assertEquals(BusyRetry.MAX_WAIT_MILLIS, BusyRetry.waitMillis(null, 40, NOW));
        assertEquals(1_000, BusyRetry.waitMillis("-3", 1, NOW));
    }

    @Test
    void retriesBusyAndRateLimitedThenReturnsTheAnswer() throws Exception {
        Deque<KeepAliveConnection.Response> answers = new ArrayDeque<>(List.of(
                answer(503, "5"), answer(429, "2"), answer(201, null)));
        List<Long> slept = new ArrayList<>();
        BusyRetry retry = new BusyRetry(slept::add);
        assertEquals(201, retry.send(answers::pop).status());
        assertEquals(List.of(5_000L, 2_000L), slept);
        assertEquals(2, retry.retries());
    }

    @Test
    void otherStatusesAreNotRetried() throws Exception {
        List<Long> slept = new ArrayList<>();
        BusyRetry retry = new BusyRetry(slept::add);
        assertEquals(401, retry.send(() -> answer(401, "5")).status());
        assertEquals(500, retry.send(() -> answer(500, "5")).status());
        assertEquals(List.of(), slept);
    }

    @Test
    void givesUpAfterABoundedNumberOfAttempts() throws Exception {
        int[] attempts = {0};
        List<Long> slept = new ArrayList<>();
        BusyRetry retry = new BusyRetry(slept::add);
        KeepAliveConnection.Response last = retry.send(() -> {
            attempts[0]++;
            return answer(503, "1");
        });
        assertEquals(503, last.status());
        assertEquals(BusyRetry.MAX_ATTEMPTS, attempts[0]);
        assertEquals(BusyRetry.MAX_ATTEMPTS - 1, slept.size());
    }
}
