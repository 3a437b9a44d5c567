package vn.bluezone.device.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.exposure.ClosenessBucket;
import vn.bluezone.device.exposure.DurationBucket;
import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.exposure.WarningLevel;
import vn.bluezone.protocol.risk.CloseContactRule;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.protocol.risk.RiskPreset;

class WarningMessagesTest {
    private final ExposureWarning f1 = new ExposureWarning(WarningLevel.F1, LocalDate.of(2021, 7, 19), 20,
            DurationBucket.of(20), ClosenessBucket.CLOSE, 2, 15, Instant.parse("2021-07-21T09:00:00Z"));

    @Test
    void vietnameseTellsDayDurationClosenessRuleAndWhatToDo() {
        RenderedWarning w = WarningMessages.render(f1, WarningMessages.VIETNAMESE, "0234 3822 222");
        assertTrue(w.title().contains("F1"), w.title());
        assertTrue(w.body().contains("19/07/2021"), w.body());
        assertTrue(w.body().contains("từ 15 đến 30 phút"), w.body());
        assertTrue(w.body().contains("trong khoảng 2 mét"), w.body());
        assertTrue(w.body().contains("tổng cộng từ 15 phút"), w.body());
        assertTrue(w.body().contains("đường dây nóng y tế 0234 3822 222"), w.body());
        assertEquals(Normalizer.normalize(w.body(), Normalizer.Form.NFC), w.body());
    }

    @Test
    void theDefaultRuleIsStatedAsApplied() {
        // The default is the Ministry's rule: 2 m (58 dB) for 15 minutes.
        String[] vi = renderedRule(RiskConfiguration.vietnamDefault().closeContact());
        assertTrue(vi[0].contains("trong khoảng 2 mét của nhau tổng cộng từ 15 phút trở lên"), vi[0]);
        assertTrue(vi[1].contains("within about 2 metres of each other for 15 minutes or more"), vi[1]);
    }

    @Test
    void theDerivedPresetIsStatedAsApplied() {
        // The preset vietnam-f1-derived: 62 dB, the model's attenuation at 2.75 m, for 30 minutes.
        String[] vi = renderedRule(RiskPreset.byName("vietnam-f1-derived").configuration().closeContact());
        assertTrue(vi[0].contains("trong khoảng 2,8 mét của nhau tổng cộng từ 30 phút trở lên"), vi[0]);
        assertTrue(vi[1].contains("within about 2.8 metres of each other for 30 minutes or more"), vi[1]);
    }

    /** A 35-minute F1 warning under {@code rule}, in Vietnamese and in English. */
    private static String[] renderedRule(CloseContactRule rule) {
        ExposureWarning w = new ExposureWarning(WarningLevel.F1, LocalDate.of(2021, 7, 19), 35, DurationBucket.of(35),
                ClosenessBucket.CLOSE, rule.closeContactDistanceMeters(), rule.minimumCumulativeMinutes(),
                Instant.parse("2021-07-21T09:00:00Z"));
        return new String[] {WarningMessages.render(w, WarningMessages.VIETNAMESE).body(),
                WarningMessages.render(w, Locale.ENGLISH).body()};
    }

    @Test
    void theAdviceNamesTheConfiguredHotlineOrNone() {
        String none = WarningMessages.render(f1, WarningMessages.VIETNAMESE).body();
        assertTrue(none.contains("gọi ngay trạm y tế xã/phường trong hôm nay"), none);
        assertFalse(none.matches("(?s).*\\d{4} \\d{4}.*"), "no number before the server sent one: " + none);
        String en = WarningMessages.render(f1, Locale.ENGLISH, "1900 1234").body();
        assertTrue(en.contains("the health hotline 1900 1234 today"), en);
        String f2 = WarningMessages.render(new ExposureWarning(WarningLevel.F2, LocalDate.of(2021, 7, 19), 20,
                DurationBucket.of(20), ClosenessBucket.CLOSE, 2, 15, Instant.now()), Locale.ENGLISH, "1900 1234").body();
        assertFalse(f2.contains("1900 1234"), "F2 advice names the local health station only: " + f2);
    }

    @Test
    void englishAndFallbackToVietnamese() {
        RenderedWarning en = WarningMessages.render(f1, Locale.UK);
        assertTrue(en.body().contains("Monday 19 July 2021"), en.body());
        assertTrue(en.body().contains("between 15 and 30 minutes"), en.body());
        assertTrue(en.body().contains("within about 2 metres of each other for 15 minutes"), en.body());
        RenderedWarning fr = WarningMessages.render(f1, Locale.FRENCH);
        assertEquals(WarningMessages.render(f1, WarningMessages.VIETNAMESE), fr);
    }

    @Test
    void f2SaysF2() {
        ExposureWarning f2 = new ExposureWarning(WarningLevel.F2, LocalDate.of(2021, 7, 19), 75,
                DurationBucket.of(75), ClosenessBucket.VERY_CLOSE, 2, 15, Instant.now());
        RenderedWarning w = WarningMessages.render(f2, Locale.ENGLISH);
        assertTrue(w.title().contains("F2"));
        assertTrue(w.body().contains("more than 1 hour") && w.body().contains("very close"), w.body());
    }
}
