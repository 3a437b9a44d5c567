package vn.bluezone.server.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The text form of {@code pg_snapshot} as {@link InstallSnapshots} reads and writes it. */
class InstallSnapshotsTest {
    @Test
    void readsAndWritesPostgresSnapshots() {
        InstallSnapshots.Snapshot s = InstallSnapshots.Snapshot.parse("100:120:100,105");
        assertEquals(100, s.xmin());
        assertEquals(120, s.xmax());
        assertArrayEquals(new long[] {100, 105}, s.inProgress());
        assertEquals("100:120:100,105", s.text());
        assertEquals("{100,105}", s.inProgressArray());
        assertEquals("{}", InstallSnapshots.Snapshot.parse("7:7:").inProgressArray());
        assertEquals("7:7:", InstallSnapshots.Snapshot.parse("7:7:").text());
        assertThrows(IllegalStateException.class, () -> InstallSnapshots.Snapshot.parse("7:7"));
    }

    @Test
    void theFlushersOwnTransactionIsKeptAsRunning() {
        InstallSnapshots.Snapshot s = InstallSnapshots.Snapshot.parse("100:120:100,105");
        // inserted in order, the list stays ascending as PostgreSQL requires
        assertEquals("100:120:100,103,105", s.running(103).text());
        // below xmin: xmin moves down with it
        assertEquals("90:120:90,100,105", s.running(90).text());
        // already running, or not started in the snapshot: nothing to add
        assertEquals("100:120:100,105", s.running(105).text());
        assertEquals("100:120:100,105", s.running(120).text());
        assertEquals("100:120:100,105", s.running(130).text());
    }
}
