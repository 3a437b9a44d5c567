package vn.bluezone.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The one formatter decides numbers by the page's language: 1.234,5 and 2,1% in Vietnamese, 1,234.5 and 2.1% in English. */
class FormatsTest {
    final Formats fmt = new Formats();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void vietnamesePagesGroupWithDotsAndWriteDecimalCommas() {
        LocaleContextHolder.setLocale(ConsoleLocaleConfig.VIETNAMESE);
        assertThat(fmt.n(1234567L)).isEqualTo("1.234.567");
        assertThat(fmt.n(1234)).isEqualTo("1.234");
        assertThat(Formats.decimal(1234.5, 1)).isEqualTo("1.234,5");
        assertThat(fmt.pct(0.021)).isEqualTo("2,1%");
        assertThat(fmt.points(0.015)).isEqualTo("+1,5");
        assertThat(fmt.signed(-1500)).isEqualTo("-1.500");
    }

    @Test
    void englishPagesGroupWithCommasAndWriteDecimalPoints() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.n(1234567L)).isEqualTo("1,234,567");
        assertThat(fmt.n(1234)).isEqualTo("1,234");
        assertThat(Formats.decimal(1234.5, 1)).isEqualTo("1,234.5");
        assertThat(fmt.pct(0.021)).isEqualTo("2.1%");
        assertThat(fmt.points(0.015)).isEqualTo("+1.5");
        assertThat(fmt.signed(1500)).isEqualTo("+1,500");
    }

    @Test
    void datesAreDayFirstInVietnamTimeWhateverTheLanguage() {
        for (Locale l : new Locale[] {ConsoleLocaleConfig.VIETNAMESE, Locale.ENGLISH}) {
            LocaleContextHolder.setLocale(l);
            assertThat(fmt.date(LocalDate.of(2026, 11, 30))).isEqualTo("30/11/2026");
            assertThat(fmt.when(Instant.parse("2026-11-30T17:30:00Z"))).isEqualTo("01/12/2026 00:30");
        }
    }
}
