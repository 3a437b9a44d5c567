package vn.bluezone.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6238, appendix B (SHA-1 rows): the published vectors, and the window and format rules. */
class TotpTest {
    private static final String SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void rfc6238Vectors() {
        assertThat(SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(SECRET, Totp.step(59), 8)).isEqualTo("94287082");
        assertThat(Totp.code(SECRET, Totp.step(1111111109), 8)).isEqualTo("07081804");
        assertThat(Totp.code(SECRET, Totp.step(1234567890), 8)).isEqualTo("89005924");
        assertThat(Totp.code(SECRET, Totp.step(20000000000L), 8)).isEqualTo("65353130");
    }

    @Test
    void oneStepOfDriftIsAcceptedNotMore() {
        long now = 1_800_000_000L;
        String code = Totp.code(SECRET, Totp.step(now), 6);
        assertThat(Totp.matchingStep(SECRET, code, now)).isEqualTo(Totp.step(now));
        assertThat(Totp.matchingStep(SECRET, code, now + 30)).isEqualTo(Totp.step(now));
        assertThat(Totp.matchingStep(SECRET, code, now + 60)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SECRET, "12 345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SECRET, "abcdef", now)).isEqualTo(-1);
        assertThat(Totp.unbase32(Totp.base32(new byte[] {1, 2, 3, 4, 5, 6, 7}))).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }
}
