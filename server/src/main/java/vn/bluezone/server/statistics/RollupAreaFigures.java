package vn.bluezone.server.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.AreaFigures;
import vn.bluezone.server.registry.AreaSnapshot;

/** {@link AreaFigures} for the campaign tools, from the roll-ups (the same figures the statistics pages show). */
@Component
public class RollupAreaFigures implements AreaFigures {
    private final AdministrativeUnits units;
    private final UnitStatistics statistics;

    public RollupAreaFigures(AdministrativeUnits units, UnitStatistics statistics) {
        this.units = units;
        this.statistics = statistics;
    }

    @Override
    public Optional<AreaSnapshot> snapshot(String unitCode, LocalDate day) {
        if (unitCode == null || unitCode.isBlank()) {
            return Optional.empty();
        }
        return units.find(unitCode).map(u -> {
            UnitFigures f = statistics.figures(List.of(u), day).get(0);
            return new AreaSnapshot(u.code(), u.fullName(), day, f.installs(), f.installsWeekAgo(), f.active7d(),
                    f.population(), f.phoneBase(), f.rankedInstalls());
        });
    }
}
