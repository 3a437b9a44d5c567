package vn.bluezone.api.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {
    @Test
    void countsLeadingZeroBits() {
        assertEquals(0, ProofOfWork.leadingZeroBits(new byte[] {(byte) 0x80, 0}));
        assertEquals(7, ProofOfWork.leadingZeroBits(new byte[] {1, 0}));
        assertEquals(12, ProofOfWork.leadingZeroBits(new byte[] {0, 0x0f}));
        assertEquals(16, ProofOfWork.leadingZeroBits(new byte[] {0, 0}));
    }

    @Test
    void aSolutionHasTheLeadingZerosOfItsSha256() throws Exception {
        String challenge = "1.12.1900000000.abc.def";
        long nonce = ProofOfWork.solve(challenge, 12);
        byte[] h = MessageDigest.getInstance("SHA-256").digest((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
        assertEquals(0, h[0]);
        assertEquals(0, h[1] & 0xf0);
        assertTrue(ProofOfWork.satisfies(challenge, nonce, 12));
        // The smallest solution: every smaller nonce fails (so it was searched for, not made up).
        for (long n = 0; n < nonce; n++) {
            assertFalse(ProofOfWork.satisfies(challenge, n, 12));
        }
        assertFalse(ProofOfWork.satisfies("1.12.1900000000.abc.deg", nonce, 12)
                && ProofOfWork.satisfies("1.12.1900000000.abc.dfg", nonce, 12)
                && ProofOfWork.satisfies("1.12.1900000000.abd.def", nonce, 12), "a solution belongs to its challenge");
        assertFalse(ProofOfWork.satisfies(challenge, -1, 0));
    }

    @Test
    void averageWorkDoublesPerBit() {
        // 64 challenges at 8 bits: about 256 tries each on average (2^8); a loose bound that still fails for 4 or 12 bits.
        long total = 0;
        for (int i = 0; i < 64; i++) {
            total += ProofOfWork.solve("c" + i, 8) + 1;
        }
        double mean = total / 64.0;
        assertTrue(mean > 128 && mean < 512, "mean tries " + mean);
    }

    @Test
    void refusesAbsurdDifficulty() {
        assertThrows(IllegalArgumentException.class, () -> ProofOfWork.solve("c", 33));
    }
}
