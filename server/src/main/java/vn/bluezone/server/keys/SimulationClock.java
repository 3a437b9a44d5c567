package vn.bluezone.server.keys;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * Test servers only ({@code bluezone.simulation-clock.enabled=true}, never in production): the clock of the key
 * server (codes, tokens, certificates, upload checks, export windows, jobs) stands still until an administrator
 * moves it forward ({@code PUT /api/v1/admin/clock}). The simulator's engines mode drives such a server through
 * simulated days in seconds ({@code bluezone simulate --mode engines --server URL}). It starts at the real time of
 * start-up and never goes back, so data already stored never lies in its future. It replaces the server's one
 * {@code Clock} bean, so registry, statistics and campaign see the same moved time as the key server.
 */
public final class SimulationClock extends Clock {
    public static final String PROPERTY = "bluezone.simulation-clock.enabled";
    private static final Logger log = LoggerFactory.getLogger(SimulationClock.class);

    private volatile Instant now;

    public SimulationClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code t}; refuses to go back ({@code CLOCK_BACKWARDS}). Answers the new time. */
    public synchronized Instant moveTo(Instant t) {
        if (t.isBefore(now)) {
            throw new DomainException(ErrorCode.CLOCK_BACKWARDS, "the simulation clock is at " + now
                    + " and never goes back (asked for " + t + ")");
        }
        now = t;
        return t;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SimulationClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    /** Puts the simulation clock in place of the system clock when the property is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PROPERTY, havingValue = "true")
    public static class Config {
        @Bean
        @Primary
        public SimulationClock simulationClock() {
            log.warn("{}=true: the key server's clock only moves when an administrator moves it (simulations; "
                    + "never in production)", PROPERTY);
            return new SimulationClock(Instant.now());
        }
    }
}
