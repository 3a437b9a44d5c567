package vn.bluezone.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.bluezone.server.security.SecurityConfig;
import vn.bluezone.server.problem.DomainException;

/** Passwords: long Vietnamese passphrases hash whole, common ones are refused, old BCrypt hashes still verify. */
class PasswordPolicyTest {
    private final PasswordEncoder encoder = new SecurityConfig().passwordEncoder();

    @Test
    void aPassphraseLongerThan72BytesCountsInFull() {
        String a = "Mùa xuân này con về thăm mẹ, hoa đào nở thắm bên hiên nhà ta";
        String b = a.substring(0, a.length() - 1) + "Á"; // differs only after byte 72
        assertThat(a.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        PasswordPolicy.check(a, "commune.admin");
        String hash = encoder.encode(a);
        assertThat(hash).startsWith("{bcrypt-sha256}$2a$");
        assertThat(encoder.matches(a, hash)).isTrue();
        assertThat(encoder.matches(b, hash)).isFalse();
        // Typed with combining accents (NFD) it is the same passphrase.
        assertThat(encoder.matches(Normalizer.normalize(a, Normalizer.Form.NFD), hash)).isTrue();
        assertThat(encoder.matches("x".repeat(300), hash)).isFalse();
    }

    @Test
    void hashesMadeBeforeThePreHashStillVerify() {
        String old = "{bcrypt}" + new BCryptPasswordEncoder().encode("an-old-password-1");
        assertThat(encoder.matches("an-old-password-1", old)).isTrue();
        assertThat(encoder.matches("an-old-password-2", old)).isFalse();
        assertThat(encoder.matches("y".repeat(100), old)).isFalse(); // no exception over 72 bytes
    }

    @Test
    void commonRepeatedAndSequentialPasswordsAreRefused() {
        for (String p : new String[] {"Password123", "1234567890", "qwertyuiop", "Anh yêu em 123", "MẬT KHẨU 123",
                "aaaaaaaaaaaa", "abababababab", "abcdefghijkl", "9876543210", "hanoi.admin-2026"}) {
            assertThatThrownBy(() -> PasswordPolicy.check(p, "hanoi.admin")).as(p)
                    .isInstanceOf(DomainException.class).extracting("code").isEqualTo("WEAK_PASSWORD");
        }
        assertThatThrownBy(() -> PasswordPolicy.check("short", null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("z".repeat(5) + "y".repeat(100) + "x".repeat(200), null))
                .isInstanceOf(DomainException.class);
        PasswordPolicy.check("xanh-lá-cây-42-tre", "hanoi.admin");
    }
}
