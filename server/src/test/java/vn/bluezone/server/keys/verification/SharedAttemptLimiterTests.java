package vn.bluezone.server.keys.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.db.Savepoints;
import vn.bluezone.server.keys.KeySecrets;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.support.MutableClock;

/**
 * {@link SharedAttemptLimiter}: two limiter instances, each with its own connection pool, transaction manager and
 * secret loader over the one database of the application context (as two servers would be), share the client and
 * global budgets; counts stay exact under concurrent attempts from both; addresses are stored only as keyed
 * hashes; ended windows are deleted; and the application itself refuses guesses with 429 when shared=true.
 * Run on H2 and PostgreSQL by the subclasses.
 */
abstract class SharedAttemptLimiterTests {
    static final Instant START = Instant.parse("2030-01-07T10:00:00Z"); // a multiple of every window used here

    @Autowired Environment env;
    @Autowired JdbcTemplate jdbc;
    @Autowired AttemptLimiter contextLimiter;
    @Autowired KeySecrets contextSecrets;
    @Autowired MutableClock contextClock;
    @Autowired MockMvc mvc;

    final List<HikariDataSource> pools = new ArrayList<>();
    final MutableClock clock = new MutableClock(START);

    @BeforeEach
    void emptyCounters() {
        jdbc.update("DELETE FROM attempt_window");
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    static KeysProperties props(int clientBurst, int clientPerHour, int globalBurst, int globalPerSecond) {
        KeysProperties d = new Binder().bindOrCreate("bluezone.keys", KeysProperties.class);
        return new KeysProperties(d.verification(), new KeysProperties.RateLimit(true, clientBurst, clientPerHour,
                globalBurst, globalPerSecond, true), d.submission(), d.export(), d.deviceConfig(), d.signing());
    }

    /** A limiter as another server instance would build it: its own pool, transactions and secret loading. */
    SharedAttemptLimiter instance(KeysProperties props) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(env.getRequiredProperty("spring.datasource.url"));
        String user = env.getProperty("spring.datasource.username", "");
        if (!user.isBlank()) {
            ds.setUsername(user);
            ds.setPassword(env.getProperty("spring.datasource.password", ""));
        }
        ds.setMaximumPoolSize(4);
        pools.add(ds);
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        KeySecrets secrets = new KeySecrets(props, JdbcClient.create(ds), new SecureRandom(), clock);
        return new SharedAttemptLimiter(props, clock, new JdbcTemplate(ds), new TransactionTemplate(tm),
                new Savepoints(tm), secrets);
    }

    @Test
    void twoInstancesShareOneClientBudget() {
        KeysProperties p = props(3, 18, 1000, 100); // 3 attempts per 10-minute window
        SharedAttemptLimiter a = instance(p);
        SharedAttemptLimiter b = instance(p);
        assertThat(a.clientWindow()).isEqualTo(new SharedAttemptLimiter.Window(600, 3));
        String attacker = "203.0.113.7";
        assertThat(a.tryAcquire(attacker).allowed()).isTrue();
        assertThat(b.tryAcquire(attacker).allowed()).isTrue();
        assertThat(a.tryAcquire(attacker).allowed()).isTrue();
        AttemptLimiter.Decision refusedB = b.tryAcquire(attacker);
        assertThat(refusedB.allowed()).isFalse();
        assertThat(refusedB.retryAfterSeconds()).isEqualTo(600);
        clock.advance(Duration.ofSeconds(90));
        AttemptLimiter.Decision refusedA = a.tryAcquire(attacker);
        assertThat(refusedA.allowed()).isFalse();
        assertThat(refusedA.retryAfterSeconds()).isEqualTo(510);
        assertThat(b.tryAcquire("198.51.100.2").allowed()).isTrue(); // another address has its own budget
        clock.advance(Duration.ofSeconds(510)); // the next window
        assertThat(b.tryAcquire(attacker).allowed()).isTrue();

        // In memory, the same two instances would have allowed 3 each.
        LocalAttemptLimiter la = new LocalAttemptLimiter(p, clock);
        LocalAttemptLimiter lb = new LocalAttemptLimiter(p, clock);
        int local = 0;
        for (int i = 0; i < 5; i++) {
            local += (la.tryAcquire(attacker).allowed() ? 1 : 0) + (lb.tryAcquire(attacker).allowed() ? 1 : 0);
        }
        assertThat(local).isEqualTo(6);
    }

    @Test
    void twoInstancesShareOneGlobalBudget() {
        KeysProperties p = props(10, 60, 4, 1); // 4 attempts per 4-second window for everybody
        SharedAttemptLimiter a = instance(p);
        SharedAttemptLimiter b = instance(p);
        assertThat(a.globalWindow()).isEqualTo(new SharedAttemptLimiter.Window(4, 4));
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            AttemptLimiter.Decision d = (i % 2 == 0 ? a : b).tryAcquire("10.0.0." + i);
            if (d.allowed()) {
                allowed++;
            } else {
                assertThat(d.retryAfterSeconds()).isEqualTo(4);
            }
        }
        assertThat(allowed).isEqualTo(4);
        clock.advance(Duration.ofSeconds(4));
        assertThat(b.tryAcquire("10.0.1.1").allowed()).isTrue();
    }

    /**
     * Eight threads on two instances race on rows that do not exist yet: the first attempts all UPDATE nothing and
     * INSERT at once; the losers hit the primary key, roll back to the savepoint and UPDATE. Exactly the budget is
     * allowed, and no attempt fails.
     */
    @Test
    void concurrentAttemptsFromTwoInstancesAreCountedExactly() throws Exception {
        KeysProperties p = props(25, 150, 1_000_000, 1_000_000); // 25 per 10 minutes
        SharedAttemptLimiter a = instance(p);
        SharedAttemptLimiter b = instance(p);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                String address = "192.0.2." + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    SharedAttemptLimiter limiter = t % 2 == 0 ? a : b;
                    Callable<Integer> task = () -> {
                        go.await();
                        int ok = 0;
                        for (int i = 0; i < 10; i++) {
                            ok += limiter.tryAcquire(address).allowed() ? 1 : 0;
                        }
                        return ok;
                    };
                    results.add(pool.submit(task));
                }
                go.countDown();
                int allowed = 0;
                for (Future<Integer> f : results) {
                    allowed += f.get(60, TimeUnit.SECONDS);
                }
                assertThat(allowed).as("round " + round).isEqualTo(25);
                assertThat(jdbc.queryForObject("SELECT attempts FROM attempt_window WHERE subject = ?", Integer.class,
                        contextSecrets.clientHash(address))).isEqualTo(80);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void addressesAreStoredOnlyAsKeyedHashes() {
        KeysProperties p = props(3, 18, 1000, 100);
        SharedAttemptLimiter a = instance(p);
        SharedAttemptLimiter b = instance(p);
        a.tryAcquire("203.0.113.9");
        b.tryAcquire("2001:db8::1");
        a.tryAcquire(null);
        List<String> subjects = jdbc.queryForList("SELECT subject FROM attempt_window ORDER BY subject", String.class);
        assertThat(subjects).hasSize(4).contains(SharedAttemptLimiter.GLOBAL,
                contextSecrets.clientHash("203.0.113.9"), contextSecrets.clientHash("2001:db8::1"));
        assertThat(subjects).allMatch(s -> s.equals(SharedAttemptLimiter.GLOBAL) || s.matches("[0-9a-f]{32}"));
        assertThat(String.join(" ", subjects)).doesNotContain("203.0.113").doesNotContain("2001:db8");
        assertThat(contextSecrets.clientHash("203.0.113.9")).isNotEqualTo(contextSecrets.codeHash("203.0.113.9")
                .substring(0, 32));
    }

    @Test
    void endedWindowsAreDeleted() {
        KeysProperties p = props(3, 18, 4, 1); // client windows of 600 s, global of 4 s
        SharedAttemptLimiter a = instance(p);
        a.tryAcquire("203.0.113.1");
        a.tryAcquire("203.0.113.2");
        assertThat(a.deleteExpired()).isZero();
        clock.advance(Duration.ofSeconds(5)); // the global window ended, the client windows did not
        a.tryAcquire("203.0.113.1");
        assertThat(a.deleteExpired()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attempt_window", Integer.class)).isEqualTo(3);
        clock.advance(Duration.ofMinutes(10));
        assertThat(a.deleteExpired()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attempt_window", Integer.class)).isZero();
    }

    @Test
    void theServerRefusesGuessesWithTheSharedLimiter() throws Exception {
        assertThat(contextLimiter).isInstanceOf(SharedAttemptLimiter.class);
        contextClock.set(START); // the context's limiter: 3 attempts per 10 minutes (see the subclasses' properties)
        String guesser = "198.51.100.77";
        for (int i = 0; i < 3; i++) {
            verifyFrom(String.format("%08d", i), guesser).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("CODE_INVALID"));
        }
        verifyFrom("00000003", guesser).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "600")).andExpect(jsonPath("$.error").value("RATE_LIMITED"));
        // Another instance of the server sees the same count.
        assertThat(instance(props(3, 18, 2000, 200)).tryAcquire(guesser).allowed()).isFalse();
        assertThat(jdbc.queryForObject("SELECT attempts FROM attempt_window WHERE subject = ?", Integer.class,
                contextSecrets.clientHash(guesser))).isEqualTo(5);
    }

    org.springframework.test.web.servlet.ResultActions verifyFrom(String code, String address) throws Exception {
        return mvc.perform(post("/api/v1/verify").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}"));
    }
}
