package vn.bluezone.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.sim.RecordingNotifier;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.store.SqliteDeviceStorage;
import vn.bluezone.protocol.risk.RiskConfiguration;

/** The phone uses the server's risk configuration only when its signature verifies with a trusted key. */
class SignedConfigurationTest {
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2021-07-21T10:00:00Z"));
    private final InMemoryKeyServer server = new InMemoryKeyServer(clock);

    private ExposureChecker checker(SqliteDeviceStorage db, SignedConfiguration served) {
        DeviceConfig config = DeviceConfig.of("VN", CalibrationTable.shipped().lookup("google", "Pixel 4"),
                server.publicKeyPem());
        return new ExposureChecker(config, clock, db, wrap(served), new RecordingNotifier());
    }

    private vn.bluezone.device.port.KeyServerClient wrap(SignedConfiguration served) {
        return (vn.bluezone.device.port.KeyServerClient) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {vn.bluezone.device.port.KeyServerClient.class},
                (p, m, a) -> {
                    if (m.getName().equals("configuration")) {
                        return served;
                    }
                    throw new AssertionError("only the configuration is fetched here");
                });
    }

    @Test
    void aVerifiedDocumentIsUsedAndItsRiskPartExtracted() throws Exception {
        SignedConfiguration real = server.configuration();
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            RiskConfiguration used = checker(db, real).riskConfiguration();
            assertEquals(RiskConfiguration.vietnamDefault(), used);
            assertTrue(db.state(ExposureChecker.STATE_VERIFIED_CONFIG).isPresent());
        }
        String doc = "{\"version\":1,\"risk\":" + RiskConfiguration.vietnamDefault().withCloseContact(1.0, 15).toJson()
                + ",\"scanning\":{\"scanWindowSeconds\":4}}";
        assertEquals(1.0, RiskConfiguration.parse(ExposureChecker.riskPart(doc)).closeContact()
                .closeContactDistanceMeters());
    }

    @Test
    void aChangedDocumentWithTheOldSignatureIsNotUsed() throws Exception {
        SignedConfiguration real = server.configuration();
        String loosened = RiskConfiguration.vietnamDefault().withCloseContact(10.0, 1).toJson();
        SignedConfiguration forged = new SignedConfiguration(loosened, real.signatureBase64(), real.keyId());
        SignedConfiguration unsigned = new SignedConfiguration(loosened, null, null);
        for (SignedConfiguration bad : List.of(forged, unsigned)) {
            try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
                RiskConfiguration used = checker(db, bad).riskConfiguration();
                assertEquals(RiskConfiguration.vietnamDefault(), used, "falls back to the shipped rule");
                assertFalse(db.state(ExposureChecker.STATE_VERIFIED_CONFIG).isPresent());
            }
        }
    }
}
