package vn.bluezone.server.keys.guessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.bluezone.api.verification.PowChallenge;
import vn.bluezone.api.verification.ProofOfWork;
import vn.bluezone.server.problem.DomainException;

class ProofOfWorkChallengesTest {
    final GuessingFixture f = new GuessingFixture(10);

    private void refused(String challenge, Long nonce, String why) {
        assertThatThrownBy(() -> f.challenges.redeem(challenge, nonce)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("PROOF_OF_WORK_INVALID");
            assertThat(e.getMessage()).contains(why);
        });
    }

    @Test
    void aSolvedChallengeIsGoodOnce() {
        PowChallenge c = f.challenges.issue();
        assertThat(c.difficulty()).isEqualTo(10);
        assertThat(c.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
        long nonce = ProofOfWork.solve(c.challenge(), c.difficulty());
        f.challenges.redeem(c.challenge(), nonce);
        refused(c.challenge(), nonce, "already used");
    }

    @Test
    void refusesWrongForgedAndExpiredOnes() {
        PowChallenge c = f.challenges.issue();
        long nonce = ProofOfWork.solve(c.challenge(), c.difficulty());
        long wrong = nonce + 1;
        while (ProofOfWork.satisfies(c.challenge(), wrong, c.difficulty())) {
            wrong++;
        }
        refused(c.challenge(), wrong, "does not solve");
        refused(c.challenge(), null, "send powChallenge");
        // An easier challenge made up by the client: its MAC does not match.
        String easier = c.challenge().replaceFirst("^1\\.10\\.", "1.1.");
        refused(easier, ProofOfWork.solve(easier, 1), "not a challenge of this server");
        refused("garbage", 1L, "not a challenge of this server");
        f.clock.advance(Duration.ofMinutes(5));
        refused(c.challenge(), nonce, "expired");
    }
}
