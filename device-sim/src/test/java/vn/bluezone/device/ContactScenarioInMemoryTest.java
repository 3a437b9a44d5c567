package vn.bluezone.device;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.sim.SimulatedClock;

/** The contact scenario against the in-memory key server (the real-server run is {@code DeviceServerE2EIT}). */
class ContactScenarioInMemoryTest {
    @Test
    void f1F2NothingTamperingAndClockSkew() throws Exception {
        LocalDate dayD = LocalDate.of(2021, 7, 19);
        SimulatedClock clock = new SimulatedClock(Instant.parse("2021-07-19T07:00:00Z"));
        InMemoryKeyServer server = new InMemoryKeyServer(clock);
        new ContactScenario(server, dayD, 20210719, clock).run(Instant.parse("2021-07-21T10:00:00Z"));
    }
}
