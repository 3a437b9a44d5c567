package vn.bluezone.server.home;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.directive.DirectiveService;
import vn.bluezone.server.campaign.directive.OverdueTask;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.statistics.AnomalyDetector;
import vn.bluezone.server.statistics.StatisticsAccess;
import vn.bluezone.server.statistics.TrendPoint;
import vn.bluezone.server.statistics.UnitFigures;
import vn.bluezone.server.statistics.UnitStatistics;
import vn.bluezone.server.console.Formats;

/**
 * The console's home: a dashboard of the official's own area, not a list of links. Tiles (installs, the rate
 * against smartphone users and population, activity), the trend of the rate over two weeks with the floor line,
 * the lowest units below (a commune's villages), and the overdue tasks of directives; the menu follows, with the
 * developer tools (API keys, OpenAPI) apart. Fits a 390-pixel phone without sideways scrolling.
 */
@Controller
public class DashboardPage {
    static final int TREND_DAYS = 14;
    static final int LOWEST = 5;
    static final int ANOMALIES = 10;

    private final CurrentOfficial current;
    private final StatisticsAccess statisticsAccess;
    private final UnitStatistics statistics;
    private final RegistryClock clock;
    private final ObjectProvider<DirectiveService> directives;
    private final vn.bluezone.server.accounts.SecondFactor secondFactor;
    private final AnomalyDetector anomalies;

    public DashboardPage(CurrentOfficial current, StatisticsAccess statisticsAccess, UnitStatistics statistics,
            RegistryClock clock, ObjectProvider<DirectiveService> directives,
            vn.bluezone.server.accounts.SecondFactor secondFactor, AnomalyDetector anomalies) {
        this.anomalies = anomalies;
        this.secondFactor = secondFactor;
        this.current = current;
        this.statisticsAccess = statisticsAccess;
        this.statistics = statistics;
        this.clock = clock;
        this.directives = directives;
    }

    /** A polyline of the rate (in a 0..100 × 0..40 box) and the height of the floor line, for an inline SVG. */
    public record Sparkline(String points, double floorY, String first, String last, String from, String to) {
    }

    @GetMapping("/console")
    public String home(Model model) {
        Official o = current.require();
        model.addAttribute("official", o);
        model.addAttribute("secondFactorOn", secondFactor.enabled(o.id()));
        LocalDate today = clock.today();
        if (StatisticsAccess.READERS.contains(o.role())) {
            String unit = statisticsAccess.homeUnit(o);
            UnitFigures figures = statistics.figures(unit, today);
            model.addAttribute("figures", figures);
            model.addAttribute("unitCode", unit);
            List<UnitFigures> lowest = statistics.ranking(unit, today).children().stream()
                    .sorted(Comparator.comparing(UnitFigures::populationRate,
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .limit(LOWEST).toList();
            model.addAttribute("lowest", lowest);
            model.addAttribute("childLevel", figures.unit().level() == vn.bluezone.server.registry.UnitLevel.NATION
                    ? "PROVINCE" : figures.unit().level().child().name());
            model.addAttribute("trend", sparkline(statistics.trend(unit, today.minusDays(TREND_DAYS - 1L), today),
                    statistics.properties().floor()));
            model.addAttribute("floor", statistics.properties().floor());
            // Units inside the official's area marked for review (issue 15 §3), the area itself included.
            model.addAttribute("anomalies", anomalies.within(unit, today, ANOMALIES));
        }
        if (CampaignAccess.STAFF.contains(o.role())) {
            DirectiveService d = directives.getIfAvailable();
            if (d != null) {
                List<OverdueTask> overdue = d.overdue(CampaignAccess.homeUnit(o));
                model.addAttribute("overdue", overdue.stream().limit(5).toList());
                model.addAttribute("overdueCount", overdue.size());
            }
        }
        return "console/home";
    }

    static Sparkline sparkline(List<TrendPoint> points, double floor) {
        List<TrendPoint> withRate = points.stream().filter(p -> p.populationRate() != null).toList();
        if (withRate.size() < 2) {
            return null;
        }
        double max = Math.max(floor * 1.25, withRate.stream().mapToDouble(TrendPoint::populationRate).max()
                .orElse(floor) * 1.1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < withRate.size(); i++) {
            double x = 100.0 * i / (withRate.size() - 1);
            double y = 40 - 40 * withRate.get(i).populationRate() / max;
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        Formats fmt = new Formats();
        return new Sparkline(sb.toString().trim(), 40 - 40 * floor / max,
                fmt.pct(withRate.get(0).populationRate()), fmt.pct(withRate.get(withRate.size() - 1)
                .populationRate()), Formats.format(withRate.get(0).day()),
                Formats.format(withRate.get(withRate.size() - 1).day()));
    }

}
