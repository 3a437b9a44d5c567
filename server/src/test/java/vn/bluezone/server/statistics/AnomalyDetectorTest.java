package vn.bluezone.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.DenominatorKind;
import vn.bluezone.server.registry.Denominators;
import vn.bluezone.server.registry.InstallCounters;
import vn.bluezone.server.registry.NewFigure;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.registry.RegistryTestSupport;

/**
 * The detector on the roll-ups: a commune with a steady 100 installs a day that gets 1,200 today is flagged for the
 * jump (and its district and province with it, whose history is the same), one whose installs pass its population is
 * flagged for that, a steady neighbour is not; the dashboard's list of an area holds the flagged units inside it only.
 */
class AnomalyDetectorTest extends RegistryTestSupport {
    @Autowired AnomalyDetector detector;
    @Autowired InstallCounters counters;
    @Autowired AdministrativeUnits units;
    @Autowired Denominators denominators;
    @Autowired RegistryClock clock;
    @Autowired UnitStatistics statistics;

    private void installs(String commune, LocalDate day, long n) {
        counters.installed(List.of(new InstallCounters.Installs(units.chainCodes(commune), day, n, n)));
    }

    @Test
    void jumpsAndInstallsBeyondThePopulationAreFlaggedSteadyUnitsAreNot() {
        String district = units.children("48").get(0).code(); // Đà Nẵng: no other test writes there
        List<String> communes = units.children(district).stream().map(u -> u.code()).toList();
        String jumping = communes.get(0);
        String steady = communes.get(1);
        String crowded = communes.get(2);
        LocalDate today = clock.today();
        for (int d = 14; d >= 1; d--) {
            installs(jumping, today.minusDays(d), 100 + (d % 3));
            installs(steady, today.minusDays(d), 100 + (d % 3));
            installs(crowded, today.minusDays(d), 10);
        }
        installs(jumping, today, 1_200);
        installs(steady, today, 130);
        installs(crowded, today, 10);
        denominators.record(List.of(new NewFigure(jumping, DenominatorKind.POPULATION, 20_000, today.minusDays(30),
                        "test"), new NewFigure(crowded, DenominatorKind.POPULATION, 100, today.minusDays(30), "test")),
                "test", c -> true);

        List<UnitFigures> figures = statistics.ranking(district, today).children();
        var flags = detector.flags(figures);
        assertThat(flags.get(jumping)).extracting(AnomalyFlag::rule).containsExactly(AnomalyFlag.Rule.JUMP);
        AnomalyFlag jump = flags.get(jumping).get(0);
        assertThat(jump.observed()).isEqualTo(1_200);
        assertThat(jump.reference()).isEqualTo(101.0);
        assertThat(jump.populationShare()).isEqualTo(0.06);
        assertThat(flags.get(crowded)).extracting(AnomalyFlag::rule)
                .containsExactly(AnomalyFlag.Rule.OVER_POPULATION);
        assertThat(flags).doesNotContainKey(steady);
        // Yesterday's ranking: nothing jumped yet (but the crowded commune was already past its population).
        var yesterday = detector.flags(statistics.ranking(district, today.minusDays(1)).children());
        assertThat(yesterday).doesNotContainKey(jumping);

        List<String> inDistrict = new ArrayList<>();
        detector.within(district, today, 20).forEach(f -> inDistrict.add(f.unit().code()));
        assertThat(inDistrict).contains(jumping, crowded).doesNotContain(steady);
        assertThat(detector.within(steady, today, 20)).isEmpty();
        assertThat(detector.within("01", today, 20)).noneMatch(f -> f.unit().code().equals(jumping));
    }
}
