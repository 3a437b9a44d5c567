package vn.bluezone.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.server.statistics.Ranking;
import vn.bluezone.server.statistics.UnitFigures;
import vn.bluezone.server.statistics.UnitStatistics;
import vn.bluezone.server.support.PostgresSchemaPerTestClass;

/**
 * Issue 15 §5 on PostgreSQL: a registration writes only its device row, and {@link InstallQueue#flush()} reads the
 * rows committed since the last applied snapshot ({@link InstallSnapshots}). Registrations committed out of the order
 * of their transaction ids, transaction ids that never commit, a long transaction elsewhere and a flush that dies
 * before its commit: every install is counted exactly once. The scheduled flush is slowed to once an hour so that the
 * test's flushes are the ones that apply (the first scheduled one runs at start-up).
 */
@PostgresSchemaPerTestClass
@SpringBootTest(properties = {"bluezone.demo.enabled=false", "bluezone.statistics.install-queue-delay-ms=3600000"})
class InstallSnapshotPostgresIT {
    private static final String COMMUNE = "19873";

    @Autowired DeviceRegistry registry;
    @Autowired InstallQueue installs;
    @Autowired UnitStatistics statistics;
    @Autowired RegistryClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    private ExecutorService pool;

    @BeforeEach
    void start() {
        pool = Executors.newFixedThreadPool(6);
        installs.flush();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Installs in the roll-ups now, read without a flush. */
    private long counted(String unit) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(installs), 0) FROM unit_day_stat WHERE unit_code = ?",
                Long.class, unit);
    }

    private String register() {
        return register(null);
    }

    private String register(String installationId) {
        return registry.registerOnce(new DeviceRegistration("android", "1.0", null, COMMUNE, null, null, null,
                installationId, null), null).device().deviceId();
    }

    /** Whether the last applied snapshot treats {@code xid} as ended (true) or still running / not yet started. */
    private boolean endedAtMark(String xid) {
        return jdbc.queryForObject("SELECT pg_visible_in_snapshot(?::xid8, applied) FROM install_rollup_mark",
                Boolean.class, xid);
    }

    @Test
    void aRegistrationCommittedAfterLaterOnesIsCountedOnce() throws Exception {
        long country0 = counted("VN");
        long commune0 = counted(COMMUNE);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> heldXid = new AtomicReference<>();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // The registration's insert runs in a transaction the test holds open: its id is taken first, it commits last.
        Future<String> held = pool.submit(() -> tx.execute(s -> {
            String id = register();
            heldXid.set(jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class));
            inserted.countDown();
            try {
                assertTrue(release.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return id;
        }));
        assertTrue(inserted.await(30, TimeUnit.SECONDS));
        // 40 later registrations commit while two flushers race each other.
        AtomicBoolean registering = new AtomicBoolean(true);
        List<Future<Long>> flushers = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            flushers.add(pool.submit(() -> {
                long applied = 0;
                while (registering.get()) {
                    applied += installs.flush();
                }
                return applied;
            }));
        }
        List<Future<String>> later = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            later.add(pool.submit(() -> register()));
        }
        for (Future<String> f : later) {
            f.get(60, TimeUnit.SECONDS);
        }
        registering.set(false);
        long applied = installs.flush();
        for (Future<Long> f : flushers) {
            applied += f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(40, applied, "the 40 committed registrations, each by exactly one of the flushes");
        assertEquals(country0 + 40, counted("VN"));
        assertEquals(commune0 + 40, counted(COMMUNE));
        // Out of order: ids above the held one were applied while it still ran; the mark knows it has not ended.
        assertTrue(jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE rollup_xid > ?::xid8", Long.class,
                heldXid.get()) >= 40);
        assertFalse(endedAtMark(heldXid.get()));

        release.countDown();
        String heldDevice = held.get(60, TimeUnit.SECONDS);
        assertEquals(heldXid.get(), jdbc.queryForObject("SELECT rollup_xid::text FROM device WHERE id = ?",
                String.class, heldDevice));
        assertEquals(1, installs.flush(), "the late commit, once");
        assertEquals(0, installs.flush(), "and never again");
        assertTrue(endedAtMark(heldXid.get()));
        assertEquals(country0 + 41, counted("VN"));
        // The figures officials see, and parents = sum of children.
        assertEquals(commune0 + 41, statistics.figures(COMMUNE, clock.today()).installs());
        Ranking district = statistics.ranking("477", clock.today());
        assertEquals(district.parent().installs(), district.children().stream().mapToLong(UnitFigures::installs).sum());
        Ranking country = statistics.ranking("VN", clock.today());
        assertEquals(country.parent().installs(), country.children().stream().mapToLong(UnitFigures::installs).sum()
                + (country.unassigned() == null ? 0 : country.unassigned().installs()));
    }

    @Test
    void idsThatNeverCommitHoldNothingBack() throws Exception {
        long country0 = counted("VN");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // A registration rolled back: its transaction id was used, its row never becomes visible.
        AtomicReference<String> rolledBack = new AtomicReference<>();
        tx.executeWithoutResult(s -> {
            register();
            rolledBack.set(jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class));
            s.setRollbackOnly();
        });
        // A repeat of an installation: its insert conflicts (ON CONFLICT DO NOTHING) and writes no row.
        String installation = UUID.randomUUID().toString();
        String first = register(installation);
        assertEquals(first, register(installation));
        // A failed statement carrying a transaction id (NOT NULL violated).
        try {
            jdbc.update("INSERT INTO device (id, secret_hash, platform, app_version, install_code, referral_code, "
                    + "registered_at, registered_day, rollup_xid) VALUES (?, 'x', 'android', '1', NULL, 'r', now(), "
                    + "current_date, pg_current_xact_id())", UUID.randomUUID().toString());
            throw new AssertionError("the insert should fail");
        } catch (DataIntegrityViolationException expected) {
            // its transaction was rolled back
        }
        for (int i = 0; i < 10; i++) {
            register();
        }
        assertEquals(11, installs.flush());
        assertEquals(country0 + 11, counted("VN"));
        // The rolled-back id is behind the mark, not waited for: what comes next is applied by the next flush.
        assertTrue(endedAtMark(rolledBack.get()));
        for (int i = 0; i < 5; i++) {
            register();
        }
        assertEquals(5, installs.flush());
        assertEquals(country0 + 16, counted("VN"));
        assertEquals(0, installs.flush());
    }

    @Test
    void aLongTransactionElsewhereDelaysNothing() throws Exception {
        long country0 = counted("VN");
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            String otherXid;
            try (Statement s = other.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text")) {
                rs.next();
                otherXid = rs.getString(1);
            }
            for (int i = 0; i < 7; i++) {
                register();
            }
            // A watermark at the snapshot's xmin would stop at the open transaction; the snapshot's list does not.
            assertEquals(7, installs.flush());
            assertEquals(country0 + 7, counted("VN"));
            assertFalse(endedAtMark(otherXid));
            assertTrue(jdbc.queryForObject("SELECT pg_snapshot_xmin(applied) <= ?::xid8 FROM install_rollup_mark",
                    Boolean.class, otherXid));
            other.rollback();
        }
        assertEquals(0, installs.flush());
    }

    @Test
    void aFlushThatDiesBeforeItsCommitAppliesNothing() {
        long country0 = counted("VN");
        for (int i = 0; i < 7; i++) {
            register();
        }
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // flush() joins this transaction; rolling it back is a crash after the counters were written, before the
        // commit that moves the mark with them.
        Long appliedThenLost = tx.execute(s -> {
            long n = installs.flush();
            assertEquals(country0 + 7, counted("VN"));
            s.setRollbackOnly();
            return n;
        });
        assertEquals(7, appliedThenLost);
        assertEquals(country0, counted("VN"));
        assertEquals(7, installs.flush());
        assertEquals(country0 + 7, counted("VN"));
        assertEquals(0, installs.flush());
    }

    @Test
    void aFlushInTheRegisteringTransactionLeavesItsRowsForAfterTheCommit() {
        long country0 = counted("VN");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String xid = tx.execute(s -> {
            register();
            register();
            // visible to this transaction, not committed: not applied, and its id is kept as running
            assertEquals(0, installs.flush());
            return jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class);
        });
        assertFalse(endedAtMark(xid));
        assertEquals(country0, counted("VN"));
        assertEquals(2, installs.flush());
        assertEquals(0, installs.flush());
        assertEquals(country0 + 2, counted("VN"));
    }
}
