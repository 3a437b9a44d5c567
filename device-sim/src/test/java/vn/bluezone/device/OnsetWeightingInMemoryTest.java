package vn.bluezone.device;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.sim.SimulatedClock;

/** The onset scenario against the in-memory key server (the real-server run is in {@code DeviceServerE2EIT}). */
class OnsetWeightingInMemoryTest {
    @Test
    void theSameContactWarnsOnlyOnDaysTheCaseWasInfectious() throws Exception {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2021-07-26T07:00:00Z"));
        new OnsetScenario(new InMemoryKeyServer(clock), LocalDate.of(2021, 7, 26), 20210726, clock).run();
    }
}
