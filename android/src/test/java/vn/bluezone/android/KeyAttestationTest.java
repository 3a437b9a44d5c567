package vn.bluezone.android;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static vn.bluezone.android.AppTestSupport.bluezone;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.shadows.ShadowLog;

import vn.bluezone.android.registry.Registration;
import vn.bluezone.android.testserver.KeyServerHarness;

/**
 * The app attests its install with Android Key Attestation (issue 15 §3), against the real key server configured
 * with a test root in place of Google's: the keystore port returns what a phone's hardware keystore would (a chain
 * made by the test harness; Robolectric has no {@code AndroidKeyStore}). Attested, the install counts in the rate
 * officials are ranked on; a phone that cannot attest, or whose attestation is refused, still registers and is
 * counted apart.
 */
@RunWith(BluezoneTestRunner.class)
public class KeyAttestationTest {
    private static final String COMMUNE = "19825"; // Xã Điền Môn: only this test's phones

    private static Registration registerIn(String commune) throws Exception {
        Bluezone bz = bluezone();
        bz.settings().setArea(commune, null);
        return new AppActions(bz).register();
    }

    @Test
    public void theKeystoreAttestsTheInstallAndItCountsInTheRankedRate() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        byte[][] challenges = new byte[2][];
        int[] calls = {0};
        bluezone().useKeyAttestation(challenge -> {
            challenges[calls[0]++] = challenge;
            return server.keystoreChain(challenge, true);
        });
        long[] before = server.installsAndRanked(COMMUNE);
        Registration r = registerIn(COMMUNE);
        assertEquals("ANDROID_KEY", server.attestationKindOf(r.deviceId()));
        // The challenge is the binding digest of this registration.
        assertArrayEquals(vn.bluezone.api.registry.AttestationBinding.digest(vn.bluezone.api.registry
                .AttestationBinding.registrationText(bluezone().settings().installationId())), challenges[0]);
        new AppActions(bluezone()).heartbeat(); // carries a fresh chain, bound to the device id
        assertEquals(2, calls[0]);
        long[] after = server.installsAndRanked(COMMUNE);
        assertEquals("installs", before[0] + 1, after[0]);
        assertEquals("ranked (attested) installs", before[1] + 1, after[1]);
    }

    @Test
    public void aPhoneWithoutAKeystoreRegistersUnattestedAndSaysWhyInOneLine() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        ShadowLog.clear();
        long[] before = server.installsAndRanked(COMMUNE);
        Registration r = registerIn(COMMUNE); // the app's own AndroidKeyStoreAttestation: no provider here
        assertNull(server.attestationKindOf(r.deviceId()));
        List<ShadowLog.LogItem> lines = ShadowLog.getLogsForTag("Bluezone");
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).msg, lines.get(0).msg.startsWith("Key attestation unavailable, sending without"));
        long[] after = server.installsAndRanked(COMMUNE);
        assertEquals(before[0] + 1, after[0]);
        assertEquals("not in the ranked rate", before[1], after[1]);
    }

    @Test
    public void anUnlockedPhoneIsRefusedAttestationYetRegistersAndSendsHeartbeats() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        bluezone().useKeyAttestation(challenge -> server.keystoreChain(challenge, false));
        long[] before = server.installsAndRanked(COMMUNE);
        Registration r = registerIn(COMMUNE); // refused ATTESTATION_DEVICE_NOT_TRUSTED, sent again without
        assertNull(server.attestationKindOf(r.deviceId()));
        new AppActions(bluezone()).heartbeat();
        assertNull(server.attestationKindOf(r.deviceId()));
        long[] after = server.installsAndRanked(COMMUNE);
        assertEquals(before[0] + 1, after[0]);
        assertEquals(before[1], after[1]);
    }
}
