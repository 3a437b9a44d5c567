package vn.bluezone.server.keys.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Days since onset of a key. (The embargo's hour rounding: {@code distribution.EmbargoTest}; the HMAC's test is in api/.) */
class SubmissionDatesTest {
    @Test
    void daysSinceOnset() {
        int start = 20_000 * 144; // epoch day 20000
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(19_997))).isEqualTo(3);
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(20_002))).isEqualTo(-2);
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(19_980))).isNull();
        assertThat(SubmissionService.daysSinceOnset(start, null)).isNull();
    }
}
