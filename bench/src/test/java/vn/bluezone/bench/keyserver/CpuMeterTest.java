package vn.bluezone.bench.keyserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {
    @Test
    void aBackendThatExitsDoesNotMakePostgresCpuNegative() {
        // pid 10 ran on (5 → 8), pid 11 exited with 1000 used, pid 12 started and used 2.
        Map<Long, Long> before = Map.of(10L, 5L, 11L, 1000L);
        Map<Long, Long> after = Map.of(10L, 8L, 12L, 2L);
        assertEquals(5, CpuMeter.postgresUsedSince(before, after));
        assertEquals(-1, CpuMeter.postgresUsedSince(before, null));
    }
}
