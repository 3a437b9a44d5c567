package vn.bluezone.server.keys.guessing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.verification.PowChallenge;
import vn.bluezone.api.verification.ProofOfWork;
import vn.bluezone.server.keys.KeySecrets;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.web.limits.WindowCounters;

/**
 * Issues and redeems proof-of-work challenges ({@link ProofOfWork}). A challenge is stateless until it is used:
 * {@code 1.DIFFICULTY.EXPIRES.RANDOM.MAC}, the MAC a keyed hash under the code secret that every instance shares, so
 * any instance can check a challenge another one issued. Redeeming records the challenge in the window counters
 * until it expires, so a solution is good for one verify request on any instance (with the shared counters).
 */
@Component
public class ProofOfWorkChallenges {
    private static final int MAX_LENGTH = 200;

    private final GuessingProperties props;
    private final KeySecrets secrets;
    private final WindowCounters counters;
    private final SecureRandom random;
    private final Clock clock;

    public ProofOfWorkChallenges(GuessingProperties props, KeySecrets secrets, WindowCounters counters,
                                 SecureRandom random, Clock clock) {
        this.props = props;
        this.secrets = secrets;
        this.counters = counters;
        this.random = random;
        this.clock = clock;
    }

    public PowChallenge issue() {
        Instant expires = clock.instant().plus(props.challengeValidity());
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String payload = "1." + props.powDifficulty() + "." + expires.getEpochSecond() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return new PowChallenge(payload + "." + mac(payload), props.powDifficulty(), expires);
    }

    /** Accepts a solved, unexpired, unused challenge of this server at the current difficulty; 400 otherwise. */
    public void redeem(String challenge, Long nonce) {
        if (challenge == null || nonce == null || challenge.length() > MAX_LENGTH) {
            throw invalid("send powChallenge and powNonce from GET /api/v1/verify/challenge");
        }
        String[] p = challenge.split("\\.", -1);
        if (p.length != 5 || !"1".equals(p[0]) || !p[1].matches("\\d{1,2}") || !p[2].matches("\\d{1,12}")) {
            throw invalid("not a challenge of this server");
        }
        String payload = challenge.substring(0, challenge.lastIndexOf('.'));
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                p[4].getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("not a challenge of this server");
        }
        int difficulty = Integer.parseInt(p[1]);
        long expires = Long.parseLong(p[2]);
        if (expires <= clock.instant().getEpochSecond()) {
            throw invalid("the challenge expired; ask for a new one");
        }
        if (difficulty < props.powDifficulty()) {
            throw invalid("the challenge is easier than required now; ask for a new one");
        }
        if (!ProofOfWork.satisfies(challenge, nonce, difficulty)) {
            throw invalid("powNonce does not solve the challenge");
        }
        if (counters.add("pow:" + sha256Hex(challenge), expires, expires, 1) > 1) {
            throw invalid("the challenge was already used; ask for a new one");
        }
    }

    private String mac(String payload) {
        return secrets.codeHash("pow:" + payload).substring(0, 32);
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException invalid(String why) {
        return new DomainException(ErrorCode.PROOF_OF_WORK_INVALID, why);
    }
}
