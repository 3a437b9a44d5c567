package vn.bluezone.api.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashcash-style proof of work for {@code POST /api/v1/verify} under a guessing attack (issue 15 §2). The server
 * hands out a challenge ({@code GET /api/v1/verify/challenge}: {@link PowChallenge}); the phone finds a nonce such
 * that SHA-256 of the UTF-8 bytes of {@code challenge + ":" + nonce} (nonce in decimal) starts with at least
 * {@code difficulty} zero bits, and sends both with its code ({@link VerifyRequest#powChallenge()},
 * {@link VerifyRequest#powNonce()}). Each try is one hash, so a solution takes 2^difficulty hashes on average (about
 * a million at the default 20 bits: a second or two on a phone), while checking it takes one. A challenge is good
 * once, for a few minutes. The challenge's text is opaque to the phone: {@code 1.DIFFICULTY.EXPIRES.RANDOM.MAC}.
 */
public final class ProofOfWork {
    /** Difficulties a client agrees to solve; a larger one (a broken or hostile server) is refused. */
    public static final int MAX_DIFFICULTY = 32;

    private ProofOfWork() {
    }

    /** Leading zero bits of SHA-256({@code challenge:nonce}). */
    public static int leadingZeroBits(String challenge, long nonce) {
        return leadingZeroBits(sha256().digest(input(challenge, nonce)));
    }

    /** Whether {@code nonce} solves {@code challenge} at {@code difficulty} bits. */
    public static boolean satisfies(String challenge, long nonce, int difficulty) {
        return nonce >= 0 && leadingZeroBits(challenge, nonce) >= difficulty;
    }

    /**
     * The smallest nonce from 0 that solves {@code challenge}. Bounded: gives up (IllegalStateException) after
     * 2^(difficulty + 8) tries, which a correct challenge reaches with probability e^-256.
     */
    public static long solve(String challenge, int difficulty) {
        if (difficulty < 0 || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty must be 0.." + MAX_DIFFICULTY + ", was " + difficulty);
        }
        MessageDigest md = sha256();
        byte[] prefix = (challenge + ":").getBytes(StandardCharsets.UTF_8);
        long limit = 1L << (difficulty + 8);
        for (long nonce = 0; nonce < limit; nonce++) {
            md.update(prefix);
            if (leadingZeroBits(md.digest(Long.toString(nonce).getBytes(StandardCharsets.US_ASCII))) >= difficulty) {
                return nonce;
            }
        }
        throw new IllegalStateException("no solution found within " + limit + " tries");
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }

    private static byte[] input(String challenge, long nonce) {
        return (challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
