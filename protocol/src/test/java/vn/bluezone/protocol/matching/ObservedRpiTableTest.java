package vn.bluezone.protocol.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ObservedRpiTableTest {

    final Random random = new Random(7);

    @Test
    void findsEveryObservedRpiAndNothingElse() {
        List<Sighting> seen = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(sighting(bytes(16), i));
        }
        seen.add(sighting(new byte[16], 1)); // all-zero RPI: must not be taken for an empty slot
        byte[] ones = new byte[16];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        seen.add(sighting(ones, 2));
        ObservedRpiTable table = ObservedRpiTable.of(seen);

        assertEquals(seen.size(), table.size());
        assertEquals(seen.size(), table.distinctRpis());
        for (int s = 0; s < seen.size(); s++) {
            int r = table.find(seen.get(s).rpi(), 0);
            assertTrue(r >= 0, "sighting " + s);
            assertEquals(1, table.groupEnd(r) - table.groupStart(r));
            assertEquals(s, table.sightingIdAt(table.groupStart(r)));
        }
        for (int i = 0; i < 100_000; i++) {
            assertEquals(-1, table.find(bytes(16), 0));
        }
    }

    @Test
    void confirmsAll128BitsNotJustTheHashOrTag() {
        byte[] a = bytes(16);
        byte[] b = a.clone();
        b[0] ^= 1; // same second half (tag), different first half
        byte[] c = a.clone();
        c[15] ^= (byte) 0x80; // same first half (slot), different tag
        byte[] d = a.clone();
        d[8] ^= 1; // same slot, same tag (tag is the top 31 bits of the second half), different RPI
        ObservedRpiTable table = ObservedRpiTable.of(List.of(sighting(a, 0)));
        assertTrue(table.find(a, 0) >= 0);
        assertEquals(-1, table.find(b, 0));
        assertEquals(-1, table.find(c, 0));
        assertEquals(-1, table.find(d, 0));
        ObservedRpiTable both = ObservedRpiTable.of(List.of(sighting(a, 0), sighting(d, 1)));
        assertEquals(0, both.sightingIdAt(both.groupStart(both.find(a, 0))));
        assertEquals(1, both.sightingIdAt(both.groupStart(both.find(d, 0))));
    }

    @Test
    void groupsRepeatedRpisInInputOrder() {
        List<byte[]> rpis = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rpis.add(bytes(16));
        }
        List<Sighting> seen = new ArrayList<>();
        Map<Integer, List<Integer>> expected = new HashMap<>();
        for (int s = 0; s < 2000; s++) {
            int which = random.nextInt(rpis.size());
            seen.add(sighting(rpis.get(which), s));
            expected.computeIfAbsent(which, k -> new ArrayList<>()).add(s);
        }
        ObservedRpiTable table = ObservedRpiTable.of(seen);
        assertEquals(expected.size(), table.distinctRpis());
        expected.forEach((which, ids) -> {
            int r = table.find(rpis.get(which), 0);
            List<Integer> got = new ArrayList<>();
            for (int p = table.groupStart(r); p < table.groupEnd(r); p++) {
                got.add(table.sightingIdAt(p));
                assertEquals(seen.get(table.sightingIdAt(p)).intervalNumber(), table.intervalAt(p));
            }
            assertEquals(ids, got);
        });
    }

    @Test
    void readsAtAnOffset() {
        byte[] rpi = bytes(16);
        byte[] buf = new byte[64];
        System.arraycopy(rpi, 0, buf, 32, 16);
        ObservedRpiTable table = ObservedRpiTable.of(List.of(sighting(rpi, 0)));
        assertEquals(0, table.find(buf, 32));
        assertEquals(-1, table.find(buf, 16));
    }

    @Test
    void sightingRejectsMalformedFields() {
        assertThrows(IllegalArgumentException.class, () -> new Sighting(new byte[15], new byte[4], 0, Instant.EPOCH, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sighting(new byte[16], new byte[5], 0, Instant.EPOCH, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sighting(new byte[16], new byte[4], -1, Instant.EPOCH, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Sighting(new byte[16], new byte[4], 1L << 32, Instant.EPOCH, 0));
    }

    Sighting sighting(byte[] rpi, long interval) {
        return new Sighting(rpi, bytes(4), interval, Instant.ofEpochSecond(interval * 600), -70);
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
