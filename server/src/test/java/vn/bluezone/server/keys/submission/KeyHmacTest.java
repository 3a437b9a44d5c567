package vn.bluezone.server.keys.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyHmacTest {
    @Test
    void messageIsSortedFormattedKeysJoinedByCommas() throws Exception {
        List<KeyHmac.Entry> keys = List.of(new KeyHmac.Entry("z2VYbEl+LQ8dKrkmCsOuqQ==", 2_650_848, 144, 3),
                new KeyHmac.Entry("AAECAwQFBgcICQoLDA0ODw==", 2_650_992, 72, 0));
        assertThat(KeyHmac.message(keys))
                .isEqualTo("AAECAwQFBgcICQoLDA0ODw==.2650992.72.0,z2VYbEl+LQ8dKrkmCsOuqQ==.2650848.144.3");
        byte[] hmacKey = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                "AAECAwQFBgcICQoLDA0ODw==.2650992.72.0,z2VYbEl+LQ8dKrkmCsOuqQ==.2650848.144.3".getBytes(StandardCharsets.UTF_8)));
        assertThat(KeyHmac.computeBase64(hmacKey, keys)).isEqualTo(expected);
        assertThat(KeyHmac.computeBase64(hmacKey, List.of(keys.get(1), keys.get(0)))).isEqualTo(expected);
    }

    @Test
    void daysSinceOnsetAndHourRounding() {
        int start = 20_000 * 144; // epoch day 20000
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(19_997))).isEqualTo(3);
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(20_002))).isEqualTo(-2);
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(19_980))).isNull();
        assertThat(SubmissionService.daysSinceOnset(start, null)).isNull();
        assertThat(SubmissionService.ceilHour(java.time.Instant.parse("2026-11-28T10:00:00Z")))
                .isEqualTo(java.time.Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(SubmissionService.ceilHour(java.time.Instant.parse("2026-11-28T10:00:01Z")))
                .isEqualTo(java.time.Instant.parse("2026-11-28T11:00:00Z"));
    }
}
