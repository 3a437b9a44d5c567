package vn.bluezone.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.exposure.WarningLevel;
import vn.bluezone.device.report.PendingReport;
import vn.bluezone.device.sim.RecordingNotifier;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.sim.SimulatedWorld;
import vn.bluezone.device.sim.Trajectory;
import vn.bluezone.protocol.ReportType;

/**
 * The Bluetooth F1 advice names the hotline {@link vn.bluezone.device.messages.HealthHotline} chooses, as the
 * check-in warnings do: the server's ({@code health.hotline} of its signed configuration), else the one the app
 * ships ({@link DeviceConfig#shippedHotline()}). A and B stand 1.5 m apart for 35 minutes (enough for the default
 * Ministry rule's 15 and for the derived preset's 30 at most 62 dB); A is confirmed and uploads; B's exposure check gives the
 * F1 warning whose text is read.
 */
class HotlineFallbackInMemoryTest {
    private static final String SHIPPED = "1900 9095";
    private static final String SERVERS = "0232 3822 123";

    @Test
    void withoutAServerHotlineTheF1AdviceNamesTheShippedOne() throws Exception {
        String body = f1AdviceOfB(null);
        assertTrue(body.contains("đường dây nóng y tế " + SHIPPED), body);
    }

    @Test
    void theServersHotlineOutranksTheShippedOne() throws Exception {
        String body = f1AdviceOfB(SERVERS);
        assertTrue(body.contains("đường dây nóng y tế " + SERVERS), body);
        assertFalse(body.contains(SHIPPED), body);
    }

    /** The F1 text B is shown when the server sends {@code serverHotline} (null: none). */
    private static String f1AdviceOfB(String serverHotline) throws Exception {
        LocalDate day = LocalDate.of(2021, 7, 19);
        SimulatedClock clock = new SimulatedClock(Instant.parse("2021-07-19T07:50:00Z"));
        InMemoryKeyServer server = new InMemoryKeyServer(clock);
        server.sendHotline(serverHotline);
        SimulatedWorld world = new SimulatedWorld(ContactScenario.LINE_OF_SIGHT, 20210719, clock);
        CalibrationTable table = CalibrationTable.shipped();
        DeviceConfig shipsHotline = DeviceConfig.of("VN", table.lookup("samsung", "SM-A505F"), server.publicKeyPem())
                .withShippedHotline(SHIPPED);
        Instant t0 = clock.instant();
        SimulatedWorld.Phone a = world.addPhone("A", DeviceConfig.of("VN", table.lookup("google", "Pixel 4"),
                server.publicKeyPem()), Trajectory.fixed(0, 0), Duration.ZERO, server);
        SimulatedWorld.Phone b = world.addPhone("B", shipsHotline, Trajectory.startingAt(t0, 2000, 0)
                .jump(Instant.parse("2021-07-19T08:00:00Z"), 1.5, 0)
                .jump(Instant.parse("2021-07-19T08:35:00Z"), 2000, 0).build(), Duration.ZERO, server);
        world.runUntil(Instant.parse("2021-07-19T08:45:00Z"), Duration.ofSeconds(5));

        clock.set(Instant.parse("2021-07-21T10:00:00Z"));
        a.engine().updateAdvertisement();
        PendingReport pending = a.engine().report().verify(server.issueCode(ReportType.CONFIRMED_TEST,
                day.minusDays(1)));
        assertTrue(a.engine().report().uploadWithConsent(pending).accepted() >= 1);
        server.publish();
        ExposureCheckResult r = b.engine().checkExposures();
        assertEquals(List.of(WarningLevel.F1), r.warnings().stream().map(w -> w.level()).toList());
        assertEquals(serverHotline, r.configuration().healthHotline(), "what the server sent, if anything");
        List<RecordingNotifier.Shown> shown = b.notifier().shown();
        assertEquals(1, shown.size());
        return shown.get(0).body();
    }
}
