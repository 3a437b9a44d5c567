package vn.bluezone.api.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ANDROID_KEY token's encoding: base64 DER certificates, leaf first, joined by commas, at most 10. */
class AndroidKeyChainTest {
    @Test
    void aChainRoundTripsInOrder() {
        List<byte[]> chain = List.of(new byte[] {0x30, 1, 2}, new byte[] {0x30, 3}, new byte[] {(byte) 0xff});
        String token = AndroidKeyChain.token(chain);
        assertEquals("MAEC,MAM=,/w==", token);
        List<byte[]> back = AndroidKeyChain.certificates(token);
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(chain.get(i), back.get(i));
        }
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : new String[] {"", "  ", "MAEC,,MAM=", "MAEC,not base64!", "MAEC,"}) {
            assertThrows(IllegalArgumentException.class, () -> AndroidKeyChain.certificates(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> AndroidKeyChain.certificates(null));
        String eleven = String.join(",", Collections.nCopies(11, "MAM="));
        assertThrows(IllegalArgumentException.class, () -> AndroidKeyChain.certificates(eleven));
        assertEquals(10, AndroidKeyChain.certificates(String.join(",", Collections.nCopies(10, "MAM="))).size());
    }
}
