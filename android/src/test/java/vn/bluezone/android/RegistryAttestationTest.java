package vn.bluezone.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.bluezone.android.registry.Registration;
import vn.bluezone.android.registry.RegistryClient;
import vn.bluezone.android.testserver.KeyServerHarness;
import vn.bluezone.api.registry.DeviceRegistration;

/**
 * The app's registry client with and without an {@code Attester} against the real key server (issue 15 §3): with one,
 * the registration and heartbeat carry verdicts bound to the request and the server stores the install as attested;
 * without one (the app today) the install is stored as unattested.
 */
class RegistryAttestationTest {
    @Test
    void anAttesterMakesTheInstallAttestedAndNoneLeavesItUnattested() throws Exception {
        KeyServerHarness server = KeyServerHarness.get();
        RegistryClient attested = new RegistryClient(server.baseUrl(), server.attester());
        Registration a = attested.register(new DeviceRegistration("android", "1.0.0", null, "19873", null, null, null,
                UUID.randomUUID().toString()));
        assertEquals("TEST", server.attestationKindOf(a.deviceId()));
        assertEquals(true, attested.heartbeat(a, true, "1.0.0").counted());

        RegistryClient plain = new RegistryClient(server.baseUrl());
        Registration b = plain.register(new DeviceRegistration("android", "1.0.0", null, "19873", null, null, null,
                UUID.randomUUID().toString()));
        plain.heartbeat(b, true, "1.0.0");
        assertNull(server.attestationKindOf(b.deviceId()));
        // The same phone later gets a verdict: its next heartbeat attests it.
        new RegistryClient(server.baseUrl(), server.attester()).heartbeat(b, true, "1.0.0");
        assertEquals("TEST", server.attestationKindOf(b.deviceId()));
    }
}
