package vn.bluezone.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.exposure.WarningLevel;
import vn.bluezone.device.report.PendingReport;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.sim.SimulatedWorld;
import vn.bluezone.device.sim.Trajectory;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * The same contact, warned or not by the case's days since symptom onset, against any {@link ScenarioServer}:
 * on day D four cases each spend 08:00-08:35 1.5 m from one contact (pairs 10 km apart, line of sight; 35 minutes
 * warn under the default Ministry rule, 15 minutes, and under the derived preset's 30 minutes alike). A week
 * later each case reports with another onset date, so that day D is 6 days before onset (none), 1 day before
 * (high), 4 days after (standard) or 7 days after (none) in the shipped map. The server puts the days since onset
 * on the published keys; the contacts' phones read it from the export file and warn only for -1 and +4.
 */
final class OnsetScenario {
    /** Days since onset on the contact day → whether the contact is warned (shipped map: -4..5 counts). */
    static final int[][] CASES = {{-6, 0}, {-1, 1}, {4, 1}, {7, 0}};
    private static final CalibrationTable TABLE = CalibrationTable.shipped();

    private final ScenarioServer server;
    private final LocalDate dayD;
    private final SimulatedWorld world;
    private final List<SimulatedWorld.Phone> cases = new ArrayList<>();
    private final List<SimulatedWorld.Phone> contacts = new ArrayList<>();

    OnsetScenario(ScenarioServer server, LocalDate dayD, long seed, SimulatedClock clock) {
        this.server = server;
        this.dayD = dayD;
        Instant t0 = at("07:50");
        clock.set(t0);
        this.world = new SimulatedWorld(ContactScenario.LINE_OF_SIGHT, seed, clock);
        for (int i = 0; i < CASES.length; i++) {
            double x = 10_000.0 * i;
            cases.add(add("case" + CASES[i][0], Trajectory.fixed(x, 0)));
            contacts.add(add("contact" + CASES[i][0], Trajectory.startingAt(t0, x + 3000, 1000)
                    .jump(at("08:00"), x + 1.5, 0).jump(at("08:35"), x + 3000, 1000).build()));
        }
    }

    private Instant at(String hhmm) {
        return dayD.atTime(LocalTime.parse(hhmm)).toInstant(ZoneOffset.UTC);
    }

    private SimulatedWorld.Phone add(String name, Trajectory t) {
        DeviceConfig config = DeviceConfig.of("VN", TABLE.lookup("google", "Pixel 4"), server.publicKeyPem());
        return world.addPhone(name, config, t, Duration.ZERO, server.client());
    }

    /** Runs day D, then the reports a week later, one check per contact; asserts who is warned and why. */
    void run() throws Exception {
        world.runUntil(at("10:30"), Duration.ofSeconds(5));
        world.clock().set(at("10:00").plus(Duration.ofDays(7)));
        for (int i = 0; i < CASES.length; i++) {
            DeviceEngine engine = cases.get(i).engine();
            engine.updateAdvertisement();
            LocalDate onset = dayD.minusDays(CASES[i][0]);
            PendingReport pending = engine.report().verify(server.issueCode(ReportType.CONFIRMED_TEST, onset));
            assertTrue(engine.report().uploadWithConsent(pending).accepted() >= 1, cases.get(i).name());
        }
        server.publish();
        for (int i = 0; i < CASES.length; i++) {
            SimulatedWorld.Phone contact = contacts.get(i);
            ExposureCheckResult r = contact.engine().checkExposures();
            assertEquals(List.of(), r.filesRejected(), contact.name());
            List<TemporaryExposureKey> matched = contact.engine().storage().matchedKeys();
            assertEquals(1, matched.size(), contact.name() + " matched its case's day-D key: " + matched);
            assertEquals(CASES[i][0], matched.get(0).daysSinceOnsetOfSymptoms(),
                    contact.name() + ": the export file carries the key's days since onset");
            List<ExposureWarning> got = contact.notifier().warnings();
            if (CASES[i][1] == 1) {
                assertEquals(List.of(WarningLevel.F1), got.stream().map(ExposureWarning::level).toList(),
                        contact.name());
                assertEquals(dayD, got.get(0).contactDay());
                assertTrue(got.get(0).minutes() >= 30, contact.name() + " minutes " + got.get(0).minutes());
            } else {
                assertEquals(List.of(), got, contact.name() + ": the case was not infectious on the contact day");
            }
        }
    }
}
