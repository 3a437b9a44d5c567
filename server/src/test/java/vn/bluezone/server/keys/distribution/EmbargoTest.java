package vn.bluezone.server.keys.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.EnIntervalNumber;

/** When a stored key may be published: the hour after its period ended plus the embargo, never before it was stored. */
class EmbargoTest {
    private final Embargo embargo = new Embargo(Duration.ofHours(2));

    @Test
    void aKeyOfAnEndedDayIsPublishedTheHourAfterItsEndPlusTheEmbargo() {
        int start = (int) EnIntervalNumber.of(Instant.parse("2026-11-27T00:00:00Z"));
        Instant stored = Instant.parse("2026-11-28T09:00:00Z");
        // Ended 2026-11-28T00:00Z; plus 2 h is on the hour already.
        assertThat(embargo.availableAt(start, 144, stored.minus(Duration.ofDays(1))))
                .isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
        // Stored later than that: available from the hour it was stored.
        assertThat(embargo.availableAt(start, 144, stored)).isEqualTo(stored);
    }

    @Test
    void todaysKeyIsHeldUntilItsPeriodEnded() {
        int start = (int) EnIntervalNumber.of(Instant.parse("2026-11-28T00:00:00Z"));
        // A period ending at 10:10 (61 intervals) plus 2 h is 12:10: rounded up to 13:00.
        assertThat(embargo.availableAt(start, 61, Instant.parse("2026-11-28T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
    }

    @Test
    void hoursRoundUpExceptOnTheHour() {
        assertThat(Embargo.ceilHour(Instant.parse("2026-11-28T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(Embargo.ceilHour(Instant.parse("2026-11-28T10:00:01Z"))).isEqualTo(Instant.parse("2026-11-28T11:00:00Z"));
    }
}
