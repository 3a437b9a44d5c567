package vn.bluezone.server.keys.guessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.verification.PowChallenge;
import vn.bluezone.api.verification.ProofOfWork;
import vn.bluezone.api.verification.VerifyRequest;
import vn.bluezone.server.problem.DomainException;

/** Free guesses up to the threshold, then only with a proof of work, then nobody until the next window. */
class ShortCodeGuardTest {
    final GuessingFixture f = new GuessingFixture(8);

    private String refusal(VerifyRequest r) {
        try {
            f.guard.admit(r);
            return "admitted";
        } catch (DomainException e) {
            return e.code();
        }
    }

    private VerifyRequest solved(String code) {
        PowChallenge c = f.challenges.issue();
        return new VerifyRequest(code, c.challenge(), ProofOfWork.solve(c.challenge(), c.difficulty()));
    }

    @Test
    void thresholdThenProofOfWorkThenWait() {
        f.outstanding = 2; // budget 6, proof of work from 3 used
        for (int i = 0; i < 3; i++) {
            assertThat(refusal(new VerifyRequest("1234-567" + i))).isEqualTo("admitted");
        }
        assertThat(refusal(new VerifyRequest("12345678"))).isEqualTo("PROOF_OF_WORK_REQUIRED");
        assertThat(f.budget.state().used()).isEqualTo(3); // a refused guess takes nothing
        for (int i = 0; i < 3; i++) {
            assertThat(refusal(solved("12345678"))).isEqualTo("admitted");
        }
        assertThatThrownBy(() -> f.guard.admit(solved("12345678"))).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("RATE_LIMITED");
            assertThat(e.retryAfterSeconds()).isEqualTo(300);
        });
        // The SMS code is never budgeted: a phone with it gets through whatever the flood.
        assertThat(refusal(new VerifyRequest("ABCDEFGHJKMNPQRS"))).isEqualTo("admitted");
    }

    @Test
    void aRightCodeGivesItsPlaceBack() {
        f.outstanding = 0;
        ShortCodeGuard.Admission a = f.guard.admit(new VerifyRequest("12345678"));
        assertThat(f.budget.state().used()).isEqualTo(1);
        a.succeeded();
        assertThat(f.budget.state().used()).isZero();
    }
}
