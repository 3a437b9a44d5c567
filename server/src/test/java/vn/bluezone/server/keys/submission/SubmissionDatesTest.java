package vn.bluezone.server.keys.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Days since onset of a key and the hour an upload's keys are stamped with. (The HMAC test is in api/.) */
class SubmissionDatesTest {
    @Test
    void daysSinceOnsetAndHourRounding() {
        int start = 20_000 * 144; // epoch day 20000
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(19_997))).isEqualTo(3);
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(20_002))).isEqualTo(-2);
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(19_986))).isEqualTo(14);
        // beyond ±14 clamped (a null would count on phones as a key without onset)
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(19_980))).isEqualTo(14);
        assertThat(SubmissionService.daysSinceOnset(start, java.time.LocalDate.ofEpochDay(20_020))).isEqualTo(-14);
        assertThat(SubmissionService.daysSinceOnset(start, null)).isNull();
        assertThat(SubmissionService.ceilHour(java.time.Instant.parse("2026-11-28T10:00:00Z")))
                .isEqualTo(java.time.Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(SubmissionService.ceilHour(java.time.Instant.parse("2026-11-28T10:00:01Z")))
                .isEqualTo(java.time.Instant.parse("2026-11-28T11:00:00Z"));
    }
}
