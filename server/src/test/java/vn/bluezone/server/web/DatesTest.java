package vn.bluezone.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.bluezone.server.registry.DenominatorImport;

/** Field problem 5 (issue 13): impossible days are refused, never moved to the month's last day. */
class DatesTest {
    @Test
    void impossibleDaysAreRefusedInBothForms() {
        assertThat(Dates.parse("31/11/2026")).isEmpty();
        assertThat(Dates.parse("2026-11-31")).isEmpty();
        assertThat(Dates.parse("29/02/2026")).isEmpty();
        assertThat(Dates.parse("29/02/2028")).contains(LocalDate.of(2028, 2, 29));
        assertThat(Dates.parse("30/11/2026")).contains(LocalDate.of(2026, 11, 30));
        assertThat(Dates.parse("1/2/2026")).contains(LocalDate.of(2026, 2, 1));
        assertThat(Dates.parse("2026-02-01")).contains(LocalDate.of(2026, 2, 1));
        assertThat(Dates.parse("")).isEmpty();
        assertThat(Dates.parse("hôm qua")).isEmpty();
        // The import that silently stored 31/11/2026 as 30/11/2026.
        assertThat(DenominatorImport.parseDate("31/11/2026")).isNull();
    }
}
