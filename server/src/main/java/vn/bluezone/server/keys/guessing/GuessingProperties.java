package vn.bluezone.server.keys.guessing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.keys.guessing.*}: the server-wide budget of short-code guesses (issue 15 §2; {@link GuessBudget}).
 *
 * @param enabled            count and bound 8-digit guesses (long SMS codes are never budgeted: 30^16 cannot be guessed)
 * @param window             length of one budget window (1 min to 1 h)
 * @param targetProbability  the bound on the chance that one given short code is guessed in its lifetime; sets the
 *                           cap per window (10^8 codes; see {@link GuessBudget#capPerWindow})
 * @param perOutstandingCode failed guesses allowed per window for each short code still outstanding (phones' typos)
 * @param minimumBudget      failed guesses allowed per window even with no code outstanding
 * @param powThreshold       share of the window's budget used after which an 8-digit guess needs a proof of work
 * @param powDifficulty      leading zero bits of the proof of work (20: about a million SHA-256, 1-2 s on a phone)
 * @param challengeValidity  how long a proof-of-work challenge may be used
 */
@Validated
@ConfigurationProperties("bluezone.keys.guessing")
public record GuessingProperties(@DefaultValue("true") boolean enabled,
                                 @NotNull @DefaultValue("5m") Duration window,
                                 @DecimalMin("1e-12") @DecimalMax("1e-2") @DefaultValue("1e-6") double targetProbability,
                                 @Min(0) @Max(1000) @DefaultValue("3") int perOutstandingCode,
                                 @Min(1) @Max(100_000) @DefaultValue("6") int minimumBudget,
                                 @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5") double powThreshold,
                                 @Min(1) @Max(30) @DefaultValue("20") int powDifficulty,
                                 @NotNull @DefaultValue("5m") Duration challengeValidity) {
    public GuessingProperties {
        if (window != null && (window.toSeconds() < 60 || window.toSeconds() > 3600)) {
            throw new IllegalArgumentException("bluezone.keys.guessing.window must be between 1m and 1h, was " + window);
        }
        if (challengeValidity != null && (challengeValidity.toSeconds() < 30 || challengeValidity.toMinutes() > 60)) {
            throw new IllegalArgumentException("bluezone.keys.guessing.challenge-validity must be between 30s and 1h, was "
                    + challengeValidity);
        }
    }
}
