package vn.bluezone.device.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.protocol.checkin.CheckinLink;
import vn.bluezone.protocol.checkin.CheckinRecord;
import vn.bluezone.protocol.checkin.PlacePayload;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.checkin.ReportCipher;

/** The user's actions on check-ins, on both stores. */
class CheckinBookTest {
    static final SecureRandom RANDOM = new SecureRandom();
    static final PlacePayload MARKET = PlacePayload.create("Chợ Hà Lạc", "Xã Quảng Ngạn", 0, 0, 60, RANDOM);
    static final PlacePayload EATERY = PlacePayload.create("Quán bún bò", "", 0, 0, 30, RANDOM);
    static final String MARKET_LINK = new CheckinLink("https://bz.example.vn", "MKT234", MARKET).toUrl();
    static final String EATERY_LINK = new CheckinLink("https://bz.example.vn", "EAT234", EATERY).toUrl();

    static List<Supplier<CheckinStore>> stores() {
        return List.of(InMemoryCheckinStore::new, SqliteCheckinStore::inMemory);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void checkInOutAutoCheckOutAndOnePlaceAtATime(Supplier<CheckinStore> store) {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-08-14T00:00:00Z"));
        CheckinBook book = new CheckinBook(store.get(), clock, RANDOM);
        StoredCheckin m = book.checkIn(MARKET_LINK);
        assertEquals("MKT234", m.placeCode());
        assertEquals(MARKET, m.place());
        assertTrue(m.isOpen(clock.instant()));
        clock.advance(Duration.ofMinutes(20));
        StoredCheckin e = book.checkIn(EATERY_LINK); // closes the market
        assertEquals(Instant.parse("2026-08-14T00:20:00Z"), book.list().get(0).end(clock.instant()));
        clock.advance(Duration.ofMinutes(45)); // the eatery's default stay is 30 min
        assertEquals(Instant.parse("2026-08-14T00:50:00Z"), book.list().get(1).end(clock.instant()));
        assertFalse(book.list().get(1).isOpen(clock.instant()));
        assertEquals(book.list().get(1), book.checkOut(e.id()), "checking out a closed one changes nothing");
        assertEquals(2, book.shareable().size());
    }

    @org.junit.jupiter.api.Test
    void sqliteStoreKeepsCheckinsAcrossRestarts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-08-14T00:00:00Z"));
        java.nio.file.Path file = dir.resolve("checkins.db");
        long id;
        try (SqliteCheckinStore s = SqliteCheckinStore.open(file)) {
            id = new CheckinBook(s, clock, RANDOM).checkIn(MARKET_LINK).id();
            s.markWarned("warned:1:case", clock.instant());
        }
        clock.advance(Duration.ofMinutes(30));
        try (SqliteCheckinStore s = SqliteCheckinStore.open(file)) {
            CheckinBook book = new CheckinBook(s, clock, RANDOM);
            StoredCheckin c = book.checkOut(id);
            assertEquals(Instant.parse("2026-08-14T00:30:00Z"), c.checkOut());
            assertEquals("Chợ Hà Lạc", book.list().get(0).place().description());
            assertTrue(s.warned("warned:1:case"));
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void editTimesWithChecks(Supplier<CheckinStore> store) {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-08-14T05:00:00Z"));
        CheckinBook book = new CheckinBook(store.get(), clock, RANDOM);
        long id = book.checkIn(MARKET_LINK).id();
        clock.advance(Duration.ofMinutes(10));
        book.checkOut(id);
        StoredCheckin edited = book.editTimes(id, Instant.parse("2026-08-14T04:00:00Z"), Instant.parse("2026-08-14T05:05:00Z"));
        assertEquals(edited, book.list().get(0));
        assertEquals("INVALID_TIMES", assertThrows(CheckinException.class, () -> book.editTimes(id,
                Instant.parse("2026-08-14T05:00:00Z"), Instant.parse("2026-08-14T04:00:00Z"))).code());
        assertEquals("INVALID_TIMES", assertThrows(CheckinException.class, () -> book.editTimes(id,
                Instant.parse("2026-08-14T04:00:00Z"), Instant.parse("2026-08-14T06:00:00Z"))).code(), "future");
        assertEquals("INVALID_TIMES", assertThrows(CheckinException.class, () -> book.editTimes(id,
                Instant.parse("2026-08-12T04:00:00Z"), Instant.parse("2026-08-13T05:00:00Z"))).code(), "> 24 h");
        assertEquals("NOT_FOUND", assertThrows(CheckinException.class, () -> book.checkOut(999)).code());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void badLinksAreRefusedWithACode(Supplier<CheckinStore> store) {
        CheckinBook book = new CheckinBook(store.get(), new SimulatedClock(Instant.parse("2026-08-14T00:00:00Z")), RANDOM);
        assertEquals("NO_PAYLOAD", assertThrows(CheckinException.class, () -> book.checkIn("https://bz.example.vn/i/MKT234")).code());
        assertEquals("BAD_LINK", assertThrows(CheckinException.class, () -> book.checkIn("hello")).code());
        PlacePayload over = PlacePayload.create("Hội chợ", "", 1_000, 2_000, 60, RANDOM);
        assertEquals("EVENT_OVER", assertThrows(CheckinException.class,
                () -> book.checkIn(new CheckinLink("https://bz.example.vn", "EVT234", over).toUrl())).code());
        assertTrue(book.list().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void onlyTickedCheckinsAreSharedAndAllArePurgedAfter14Days(Supplier<CheckinStore> store) {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-08-14T00:00:00Z"));
        CheckinStore s = store.get();
        CheckinBook book = new CheckinBook(s, clock, RANDOM);
        long m = book.checkIn(MARKET_LINK).id();
        clock.advance(Duration.ofMinutes(30));
        long e = book.checkIn(EATERY_LINK).id();
        clock.advance(Duration.ofMinutes(30));
        List<ProtectedReport> shared = book.reportsFor(List.of(e)); // the user unticked the market
        assertEquals(1, shared.size());
        CheckinRecord r = ReportCipher.decrypt(EATERY.locationId(), shared.get(0));
        assertEquals(Instant.parse("2026-08-14T00:30:00Z").getEpochSecond(), r.startSeconds());
        assertEquals(Instant.parse("2026-08-14T01:00:00Z").getEpochSecond(), r.endSeconds());
        assertTrue(s.warned(CheckinBook.ownReportKey(shared.get(0))));
        assertTrue(s.markWarned("x", clock.instant()));
        assertFalse(s.markWarned("x", clock.instant()));
        s.markPackageChecked("VN/hour-1-2.bin", clock.instant());
        assertTrue(s.packageChecked("VN/hour-1-2.bin"));

        clock.advance(Duration.ofDays(14).minusMinutes(61));
        assertEquals(0, book.purge());
        clock.advance(Duration.ofMinutes(20));
        assertEquals(1, book.purge()); // the market's, 14 days old
        assertEquals(List.of(e), book.list().stream().map(StoredCheckin::id).toList());
        clock.advance(Duration.ofMinutes(31));
        assertEquals(1, book.purge());
        assertTrue(book.list().isEmpty());
        clock.advance(Duration.ofMinutes(15)); // package names and warnings recorded at +60 min go too
        assertEquals(0, book.purge());
        assertFalse(s.packageChecked("VN/hour-1-2.bin"));
        assertFalse(s.warned("x"));
        assertNull(s.find(m).orElse(null));
    }
}
