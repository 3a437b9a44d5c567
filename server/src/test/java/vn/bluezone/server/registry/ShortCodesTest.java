package vn.bluezone.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes drawn from one batch of random bytes (issue 15 §5) still use every symbol alike. */
class ShortCodesTest {
    @Test
    void codesUseOnlyTheAlphabetAndEverySymbolEquallyOften() {
        int symbols = ShortCodes.ALPHABET.length();
        long[] seen = new long[symbols];
        int codes = 40_000;
        for (int i = 0; i < codes; i++) {
            String c = ShortCodes.code(8);
            assertThat(c).hasSize(8);
            for (char ch : c.toCharArray()) {
                int at = ShortCodes.ALPHABET.indexOf(ch);
                assertThat(at).as("symbol %s", ch).isGreaterThanOrEqualTo(0);
                seen[at]++;
            }
        }
        // Chi-square with 30 degrees of freedom: 59.7 is its 0.999 quantile. A plain byte % 31 would give the first
        // eight symbols 9/256 instead of 8/256 each, a chi-square near 1,000 with these 320,000 symbols.
        double expected = codes * 8.0 / symbols;
        double chi = 0;
        for (long n : seen) {
            chi += (n - expected) * (n - expected) / expected;
        }
        assertThat(chi).isLessThan(59.7);
    }

    @Test
    void theSecretsHashIsItsSha256InHex() {
        assertThat(ShortCodes.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ShortCodes.secret()).hasSize(43).isNotEqualTo(ShortCodes.secret());
    }
}
