package vn.bluezone.bench.keyserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysRequest;

class CompactUploadTest {
    private static final int TODAY = 2_942_352; // a day's first interval (divisible by 144)

    @Test
    void writesThePhonesUploadFromItsCompactForm() {
        CompactUpload u = CompactUpload.fresh(new Random(1), 14, TODAY).withCertificate("eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
        DiagnosisKeysRequest r = UploadLoad.JSON.readValue(u.json(), DiagnosisKeysRequest.class);
        assertEquals(14, r.temporaryExposureKeys().size());
        for (int d = 0; d < 14; d++) {
            DiagnosisKey k = r.temporaryExposureKeys().get(d);
            assertEquals(TODAY - (14 - d) * 144, k.rollingStartIntervalNumber(), "the last 14 days, oldest first");
            assertEquals(144, k.rollingPeriod());
            assertEquals(16, Base64.getDecoder().decode(k.key()).length);
        }
        assertEquals("eyJhbGciOiJFUzI1NiJ9.e30.c2ln", r.certificate());
        assertArrayEquals(u.hmacKey(), Base64.getDecoder().decode(r.hmacKey()));
        int pad = Base64.getDecoder().decode(r.padding()).length;
        assertTrue(pad >= 255 && pad <= 1023, "padding " + pad);
        // The HMAC the certificate was asked for covers exactly the keys sent.
        assertEquals(u.keyHmac(), KeyHmac.computeBase64(Base64.getDecoder().decode(r.hmacKey()), r.temporaryExposureKeys()));
    }

    @Test
    void staysSmall() {
        CompactUpload u = CompactUpload.fresh(new Random(2), 14, TODAY).withCertificate("x".repeat(700));
        assertEquals(14 * 16 + 32, u.secrets().length);
        assertTrue(u.json().length() > 2 * (u.secrets().length + u.certificate().length),
                "the JSON body is far larger than what is kept");
    }

    @Test
    void uploadsDifferInKeysAndPadding() {
        Random random = new Random(3);
        Set<String> keys = new HashSet<>();
        Set<String> paddings = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            DiagnosisKeysRequest r = CompactUpload.fresh(random, 14, TODAY).request();
            r.temporaryExposureKeys().forEach(k -> keys.add(k.key()));
            paddings.add(r.padding());
        }
        assertEquals(700, keys.size());
        assertTrue(paddings.size() > 45, "paddings " + paddings.size());
        assertEquals("", CompactUpload.fresh(random, 14, TODAY).request().certificate(), "no certificate: refused early");
        assertNotEquals(CompactUpload.fresh(new Random(4), 14, TODAY).keyHmac(), CompactUpload.fresh(new Random(5), 14, TODAY).keyHmac());
    }
}
