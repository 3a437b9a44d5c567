package vn.bluezone.server.statistics;

import vn.bluezone.api.ErrorCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.registry.UnitLevel;
import vn.bluezone.server.problem.DomainException;

/**
 * All units of one level under the official's unit in one table: a province ranks its communes at once (filter by
 * district), a district its villages. Ranked by the rate against smartphone users (units without a denominator
 * last), sortable by any column; the unit's name stays in view on a phone.
 */
@Controller
public class LevelRankingPages {
    /** More units than this in one table is no longer a ranking anyone reads (the whole country's communes). */
    static final int MAX_UNITS = 2000;

    private final StatisticsAccess access;
    private final AdministrativeUnits units;
    private final UnitStatistics statistics;
    private final RegistryClock clock;
    private final AnomalyDetector anomalies;

    public LevelRankingPages(StatisticsAccess access, AdministrativeUnits units, UnitStatistics statistics,
            RegistryClock clock, AnomalyDetector anomalies) {
        this.anomalies = anomalies;
        this.access = access;
        this.units = units;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** A ranked unit with the unit one level below the page's unit that it lies in (its district, say). */
    public record Line(UnitFigures figures, AdministrativeUnit within) {
    }

    @GetMapping("/console/statistics/{code}/ranking")
    public String ranking(@PathVariable String code, @RequestParam(required = false) String level,
            @RequestParam(required = false) String within, Model model) {
        Official o = access.requireUnit(code);
        AdministrativeUnit unit = units.require(code);
        List<UnitLevel> levels = new ArrayList<>();
        for (UnitLevel l = unit.level().child(); l != null; l = l.child()) {
            levels.add(l);
        }
        if (levels.isEmpty()) {
            throw new DomainException(ErrorCode.NO_LEVEL_BELOW, "a village has no units below it");
        }
        UnitLevel target = levels.get(Math.min(1, levels.size() - 1));
        if (level != null && !level.isBlank()) {
            target = levels.stream().filter(l -> l.name().equals(level)).findFirst().orElseThrow(
                    () -> new DomainException(ErrorCode.BAD_LEVEL, "level is one of " + levels));
        }
        List<AdministrativeUnit> children = units.children(code);
        AdministrativeUnit filter = within == null || within.isBlank() ? null : children.stream()
                .filter(c -> c.code().equals(within)).findFirst().orElseThrow(
                        () -> new DomainException(ErrorCode.BAD_WITHIN, "within is a unit directly below " + code));
        Map<AdministrativeUnit, AdministrativeUnit> found = collectAll(filter == null ? children : List.of(filter),
                target);
        if (found.isEmpty() && (level == null || level.isBlank()) && target != levels.get(0)) {
            // A district whose villages are not listed would open on an empty table: rank its communes instead.
            target = levels.get(0);
            found = collectAll(filter == null ? children : List.of(filter), target);
        }
        LocalDate day = clock.today();
        Map<String, UnitFigures> figures = new LinkedHashMap<>();
        statistics.figures(new ArrayList<>(found.keySet()), day).forEach(f -> figures.put(f.code(), f));
        List<Line> lines = new ArrayList<>();
        found.forEach((u, in) -> {
            UnitFigures f = figures.get(u.code());
            if (f != null) {
                lines.add(new Line(f, in));
            }
        });
        lines.sort(Comparator.comparing((Line l) -> l.figures().phoneRate(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(l -> l.figures().unit().fullName()));
        model.addAttribute("official", o);
        model.addAttribute("unit", unit);
        List<AdministrativeUnit> chain = new ArrayList<>(units.chain(code));
        chain.removeIf(u -> !access.maySee(o, u.code()));
        model.addAttribute("chain", chain);
        model.addAttribute("day", day);
        model.addAttribute("levels", levels);
        model.addAttribute("level", target);
        model.addAttribute("children", target == unit.level().child() ? List.of() : children);
        model.addAttribute("within", filter);
        model.addAttribute("lines", lines);
        model.addAttribute("anomalies", anomalies.flags(new ArrayList<>(figures.values()))); // issue 15 §3
        return "statistics/ranking";
    }

    private Map<AdministrativeUnit, AdministrativeUnit> collectAll(List<AdministrativeUnit> from, UnitLevel target) {
        Map<AdministrativeUnit, AdministrativeUnit> found = new LinkedHashMap<>();
        for (AdministrativeUnit child : from) {
            collect(child, child, target, found);
            if (found.size() > MAX_UNITS) {
                throw new DomainException(ErrorCode.TOO_MANY_UNITS, "more than " + MAX_UNITS + " units: choose a "
                        + "higher level or one unit below");
            }
        }
        return found;
    }

    private void collect(AdministrativeUnit u, AdministrativeUnit within, UnitLevel target,
            Map<AdministrativeUnit, AdministrativeUnit> out) {
        if (u.level() == target) {
            out.put(u, within);
            return;
        }
        if (u.level().depth() > target.depth() || out.size() > MAX_UNITS) {
            return;
        }
        for (AdministrativeUnit c : units.children(u.code())) {
            collect(c, within, target, out);
        }
    }
}
