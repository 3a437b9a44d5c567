package vn.bluezone.server.keys.guessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GuessBudgetTest {
    @Test
    void capKeepsEveryLifetimeUnderTheTarget() {
        // 15-minute codes overlap at most 4 windows of 5 minutes: 24 a window, 96 a lifetime < 100 = 1e-6 x 10^8.
        assertThat(GuessBudget.windowsPerLifetime(900, 300)).isEqualTo(4);
        assertThat(GuessBudget.capPerWindow(1e-6, 900, 300)).isEqualTo(24);
        assertThat(GuessBudget.windowsPerLifetime(900, 600)).isEqualTo(3);
        assertThat(GuessBudget.capPerWindow(1e-6, 900, 600)).isEqualTo(33);
        assertThat(GuessBudget.capPerWindow(1e-5, 900, 60)).isEqualTo(62); // 16 windows, 1000 / 16 = 62.5
        for (long w : new long[] {60, 120, 300, 420, 900, 3600}) {
            for (long life : new long[] {60, 900, 3600}) {
                long cap = GuessBudget.capPerWindow(1e-6, life, w);
                assertThat(cap * GuessBudget.windowsPerLifetime(life, w)).isLessThan(100);
            }
        }
    }

    @Test
    void budgetFollowsOutstandingCodesUpToTheCap() {
        GuessingFixture f = new GuessingFixture(8);
        f.outstanding = 0;
        assertThat(f.budget.budget()).isEqualTo(6);   // the minimum
        f.outstanding = 5;
        assertThat(f.budget.budget()).isEqualTo(15);  // 3 a code
        f.outstanding = 500;
        assertThat(f.budget.budget()).isEqualTo(24);  // the cap
    }

    @Test
    void reservationsNeverExceedTheBudgetAndRightGuessesGiveTheirPlaceBack() {
        GuessingFixture f = new GuessingFixture(8);
        f.outstanding = 0;
        int taken = 0;
        for (int i = 0; i < 20; i++) {
            taken += f.budget.tryReserve() ? 1 : 0;
        }
        assertThat(taken).isEqualTo(6);
        assertThat(f.budget.state().exhausted()).isTrue();
        assertThat(f.budget.state().secondsLeft()).isEqualTo(300);
        f.budget.refund(f.clock.instant().getEpochSecond());
        assertThat(f.budget.state().used()).isEqualTo(5);
        assertThat(f.budget.tryReserve()).isTrue();
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(f.budget.state().used()).isZero(); // a new window
        assertThat(f.budget.tryReserve()).isTrue();
    }
}
