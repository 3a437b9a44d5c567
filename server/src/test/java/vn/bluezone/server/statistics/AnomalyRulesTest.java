package vn.bluezone.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.bluezone.server.console.Formats;

/** Each anomaly rule of issue 15 §3 on plain figures: when it flags, and the cases it must leave alone. */
class AnomalyRulesTest {
    private final AnomalyRules rules = new AnomalyRules(AnomalyProperties.defaults());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static long[] days(long... v) {
        return v;
    }

    @Test
    void aDayFarAboveTheRobustBaselineIsFlaggedWithTheRatioToTheMedian() {
        long[] steady = days(90, 100, 110, 95, 105, 100, 98, 102, 100, 97, 103, 100, 99, 101);
        var flag = rules.jump(steady, 1_200, 4_000L).orElseThrow();
        assertThat(flag.rule()).isEqualTo(AnomalyFlag.Rule.JUMP);
        assertThat(flag.reference()).isEqualTo(100.0); // the median
        assertThat(flag.ratio()).isEqualTo(12.0);
        assertThat(flag.populationShare()).isEqualTo(0.3);
        assertThat(flag.messageKey()).isEqualTo("anomaly.JUMP.population");
    }

    @Test
    void noJumpForANormalDayAGrowingCampaignOrASmallUnit() {
        long[] steady = days(90, 100, 110, 95, 105, 100, 98, 102, 100, 97, 103, 100, 99, 101);
        assertThat(rules.jump(steady, 140, null)).isEmpty();
        assertThat(rules.jump(steady, 480, null)).as("under 5 × (median + 3 × 1.4826 × MAD)").isEmpty();
        // A village going from nothing to 40 installs on its launch day: under the floor of 50.
        assertThat(rules.jump(new long[14], 40, 300L)).isEmpty();
        assertThat(rules.jump(new long[14], 51, null)).isPresent();
        // A campaign that varies a lot (MAD large) needs a larger day to stand out.
        long[] busy = days(10, 300, 20, 280, 15, 310, 25, 290, 30, 305, 12, 295, 18, 300);
        assertThat(rules.jump(busy, 1_500, null)).isEmpty();
        assertThat(rules.jump(new long[0], 10_000, null)).isEmpty();
    }

    @Test
    void oneOddDayInTheHistoryDoesNotRaiseTheBaseline() {
        // A mean would be pulled to ~800 by the one 10,000 day; the median and MAD stay near 100.
        long[] withSpike = days(100, 100, 100, 100, 100, 100, 10_000, 100, 100, 100, 100, 100, 100, 100);
        assertThat(rules.jump(withSpike, 1_000, null)).isPresent();
    }

    @Test
    void moreInstallsThanPeopleOrPhonesIsFlagged() {
        assertThat(rules.overDenominator(10_500, 10_000L, 6_000L).orElseThrow().rule())
                .isEqualTo(AnomalyFlag.Rule.OVER_POPULATION);
        var phones = rules.overDenominator(7_000, 10_000L, 6_000L).orElseThrow();
        assertThat(phones.rule()).isEqualTo(AnomalyFlag.Rule.OVER_PHONES);
        assertThat(phones.ratio()).isCloseTo(7_000 / 6_000.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rules.overDenominator(5_999, 10_000L, 6_000L)).isEmpty();
        assertThat(rules.overDenominator(6_000, 10_000L, 6_000L)).as("equal is not over").isEmpty();
        assertThat(rules.overDenominator(50_000, null, null)).as("no denominator known").isEmpty();
        assertThat(rules.overDenominator(50, 0L, 0L)).isEmpty();
    }

    @Test
    void mostRegistrationsFromOneNetworkIsFlaggedAboveTheMinimum() {
        var flag = rules.oneNetwork(List.of(83L, 5L, 4L, 4L, 4L)).orElseThrow();
        assertThat(flag.ratio()).isEqualTo(0.83);
        assertThat(flag.observed()).isEqualTo(83);
        assertThat(flag.reference()).isEqualTo(100.0);
        assertThat(rules.oneNetwork(List.of(30L))).isPresent();
        // Too few to judge (a family registering at home), or spread over many networks: no flag.
        assertThat(rules.oneNetwork(List.of(29L))).isEmpty();
        assertThat(rules.oneNetwork(List.of(49L, 51L))).isPresent();
        assertThat(rules.oneNetwork(List.of(40L, 30L, 30L))).isEmpty();
        assertThat(rules.oneNetwork(List.of())).isEmpty();
    }

    @Test
    void reasonsAreWrittenInBothLanguagesWithTheirNumberFormats() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        AnomalyReasons reasons = new AnomalyReasons(bundles);
        long[] steady = days(90, 100, 110, 95, 105, 100, 98, 102, 100, 97, 103, 100, 99, 101);
        var jump = rules.jump(steady, 1_200, 4_000L).orElseThrow();
        assertThat(reasons.text(jump, AnomalyReasons.VI))
                .isEqualTo("Số cài đặt trong ngày (1.200) gấp 12 lần trung vị 14 ngày trước (100,0) và bằng 30,0% dân số");
        assertThat(reasons.text(jump, Locale.ENGLISH))
                .isEqualTo("Installs on the day (1,200) are 12 times the median of the 14 days before (100.0) and 30.0% of the population");
        var network = rules.oneNetwork(List.of(83L, 17L)).orElseThrow();
        assertThat(reasons.text(network, AnomalyReasons.VI))
                .isEqualTo("83,0% lượt cài đặt trong 24 giờ (83 trên 100) đến từ một dải mạng");
        assertThat(network.args(new Formats())).hasSize(3);
    }
}
