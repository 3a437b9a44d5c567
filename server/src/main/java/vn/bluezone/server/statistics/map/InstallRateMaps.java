package vn.bluezone.server.statistics.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.bluezone.server.console.Formats;
import vn.bluezone.server.registry.UnitLevel;
import vn.bluezone.server.statistics.Ranking;
import vn.bluezone.server.statistics.StatisticsProperties;
import vn.bluezone.server.statistics.UnitFigures;

/**
 * Builds the install-rate map of the country's ranking: each province's population rate put in its class. Only the
 * national dashboard has one: boundaries below the province that an open licence allows were not found (README).
 */
@Component
public class InstallRateMaps {
    private final ProvinceBoundaries boundaries;
    private final StatisticsProperties properties;
    private final MessageSource messages;

    public InstallRateMaps(ProvinceBoundaries boundaries, StatisticsProperties properties, MessageSource messages) {
        this.boundaries = boundaries;
        this.properties = properties;
        this.messages = messages;
    }

    /** The map of a ranking of the country's provinces; null for any other unit. */
    public InstallRateMap of(Ranking ranking, Locale locale) {
        if (ranking.parent().unit() == null || ranking.parent().unit().level() != UnitLevel.NATION) {
            return null;
        }
        Map<String, UnitFigures> byCode = new HashMap<>();
        for (UnitFigures f : ranking.children()) {
            byCode.put(f.code(), f);
        }
        // A floor of 0 (allowed: no red rows) would collapse the breaks: the map keeps the default floor's classes.
        RateClasses classes = new RateClasses(properties.floor() > 0 ? properties.floor() : 0.10);
        Formats fmt = new Formats();
        long[] perClass = new long[classes.count() + 1]; // last slot: no data
        List<InstallRateMap.Province> provinces = new ArrayList<>();
        for (ProvinceShape shape : boundaries.shapes()) {
            UnitFigures f = byCode.get(shape.code());
            if (f == null) {
                continue; // a unit the registry no longer has: not drawn rather than drawn empty
            }
            Double rate = f.populationRate();
            int c = classes.classOf(rate);
            perClass[c == RateClasses.NO_DATA ? classes.count() : c]++;
            String title = rate == null
                    ? msg("stats.map.shape.noData", locale, f.unit().fullName())
                    : msg("stats.map.shape", locale, f.unit().fullName(), fmt.pct(rate));
            provinces.add(new InstallRateMap.Province(shape.code(), shape.path(), c, cssClass(c), title));
        }
        List<InstallRateMap.LegendEntry> legend = new ArrayList<>();
        for (int c = 0; c < classes.count(); c++) {
            Double lower = classes.lower(c);
            Double upper = classes.upper(c);
            String text = lower == null ? msg("stats.map.legend.under", locale, fmt.pct(upper))
                    : upper == null ? msg("stats.map.legend.from", locale, fmt.pct(lower))
                    : msg("stats.map.legend.between", locale, fmt.pct(lower), fmt.pct(upper));
            legend.add(new InstallRateMap.LegendEntry(cssClass(c), text, perClass[c]));
        }
        legend.add(new InstallRateMap.LegendEntry(cssClass(RateClasses.NO_DATA),
                msg("stats.map.legend.noData", locale), perClass[classes.count()]));
        List<InstallRateMap.Label> labels = boundaries.islandLabels().stream()
                .map(l -> new InstallRateMap.Label(l.x(), l.y(), l.anchor(),
                        msg("stats.map.islands." + l.group(), locale)))
                .toList();
        return new InstallRateMap(boundaries.viewBox(), provinces, labels, legend);
    }

    static String cssClass(int rateClass) {
        return rateClass == RateClasses.NO_DATA ? "rate-none" : "rate-c" + rateClass;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
