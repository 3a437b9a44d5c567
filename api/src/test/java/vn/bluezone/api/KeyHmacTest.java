package vn.bluezone.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.protocol.TemporaryExposureKey;

class KeyHmacTest {
    private static final byte[] HMAC_KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void messageIsSortedFormattedKeysJoinedByCommas() throws Exception {
        List<DiagnosisKey> keys = List.of(new DiagnosisKey("z2VYbEl+LQ8dKrkmCsOuqQ==", 2_650_848, 144, 3),
                new DiagnosisKey("AAECAwQFBgcICQoLDA0ODw==", 2_650_992, 72, 0));
        String text = "AAECAwQFBgcICQoLDA0ODw==.2650992.72.0,z2VYbEl+LQ8dKrkmCsOuqQ==.2650848.144.3";
        assertEquals(text, KeyHmac.message(keys));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC_KEY, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, KeyHmac.computeBase64(HMAC_KEY, keys));
        assertEquals(expected, KeyHmac.computeBase64(HMAC_KEY, List.of(keys.get(1), keys.get(0))));
    }

    @Test
    void aPhonesKeysAreWrittenAsTheServerReadsThem() {
        byte[] data = new byte[16];
        for (int i = 0; i < 16; i++) {
            data[i] = (byte) i;
        }
        TemporaryExposureKey tek = TemporaryExposureKey.of(data, 2_650_992, 72);
        assertEquals("AAECAwQFBgcICQoLDA0ODw==.2650992.72.0", KeyHmac.message(DiagnosisKey.of(List.of(tek))));
    }

    @Test
    void missingFieldsAndChangedKeysChangeTheHmac() {
        DiagnosisKey k = new DiagnosisKey("AAECAwQFBgcICQoLDA0ODw==", 2_650_992, 144, null);
        assertEquals("AAECAwQFBgcICQoLDA0ODw==.2650992.144.null", KeyHmac.message(List.of(k)));
        assertEquals("null.null.null.null", KeyHmac.message(java.util.Collections.singletonList(null)));
        assertNotEquals(KeyHmac.computeBase64(HMAC_KEY, List.of(k)),
                KeyHmac.computeBase64(HMAC_KEY, List.of(new DiagnosisKey(k.key(), 2_650_992, 144, 0))));
    }
}
