package vn.bluezone.server.keys;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cluster-wide lease for scheduled jobs: one row per job in {@code job_lock}, taken with a conditional UPDATE
 * (only one of several servers sees "1 row updated"). A lease expires by itself, so a crashed holder does not
 * block the job for ever. Works the same on H2 and PostgreSQL (no advisory locks needed).
 */
@Component
public class JobLock {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String owner;

    public JobLock(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + System.identityHashCode(this);
    }

    /** Takes the lease on {@code job} for {@code lease} when it is free or expired. */
    public boolean tryLock(String job, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("UPDATE job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until < ?")
                .params(now.plus(lease), owner, job, now).update() == 1;
    }

    public void unlock(String job) {
        jdbc.sql("UPDATE job_lock SET locked_until = ?, locked_by = NULL WHERE name = ? AND locked_by = ?")
                .params(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), job, owner).update();
    }
}
