package vn.bluezone.server.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.Unit;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.problem.DomainException;

/** Officials' statistics API (session or X-Api-Key), scoped like the console. */
@RestController
public class StatisticsApiController {
    private final UnitStatistics statistics;
    private final StatisticsAccess access;
    private final RegistryClock clock;
    private final RankingExport export;
    private final AnomalyDetector anomalies;
    private final AnomalyReasons reasons;

    public StatisticsApiController(UnitStatistics statistics, StatisticsAccess access, RegistryClock clock,
                                   RankingExport export, AnomalyDetector anomalies, AnomalyReasons reasons) {
        this.anomalies = anomalies;
        this.reasons = reasons;
        this.statistics = statistics;
        this.access = access;
        this.clock = clock;
        this.export = export;
    }

    /**
     * Figures of one unit, as JSON: counts, denominators in force, rates (fractions), changes, flags. installs counts
     * every install; attestedInstalls and unattestedInstalls split it; rates count attested installs only when
     * rankedOnAttested (issue 15 §3).
     */
    public record FiguresView(Unit unit, LocalDate day, long installs, long changeSinceYesterday,
                              long changeSinceWeekAgo, long active1d, long active7d, long bluetoothOn,
                              Long population, Long households, Long phoneBase, boolean phoneBaseIsSubscribers,
                              Double populationRate, Double phoneRate, Double populationRateChangeWeek,
                              Double activeShare, Double bluetoothShare, boolean underFloor, boolean underTarget,
                              long attestedInstalls, long unattestedInstalls, boolean rankedOnAttested,
                              List<AnomalyReasons.View> flags) {
        static FiguresView of(UnitFigures f) {
            return of(f, List.of());
        }

        /** With the unit's anomaly flags (issue 15 §3): empty when none. */
        static FiguresView of(UnitFigures f, List<AnomalyReasons.View> flags) {
            return new FiguresView(f.unit() == null ? null : f.unit().view(), f.day(), f.installs(),
                    f.changeSinceYesterday(), f.changeSinceWeekAgo(), f.active1d(), f.active7d(), f.bluetoothOn(),
                    f.population(), f.households(), f.phoneBase(), f.phoneBaseIsSubscribers(), f.populationRate(),
                    f.phoneRate(), f.populationRateChangeWeek(), f.activeShare(), f.bluetoothShare(), f.underFloor(),
                    f.underTarget(), f.attestedInstalls(), f.unattestedInstalls(), f.rankedOnAttested(), flags);
        }
    }

    public record RankingView(FiguresView parent, List<FiguresView> children, FiguresView unassigned, double floor,
                              double target) {
    }

    @GetMapping("/api/v1/admin/statistics/{code}")
    public FiguresView figures(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        access.requireUnit(code);
        UnitFigures f = statistics.figures(code, day(day));
        return FiguresView.of(f, reasons.views(anomalies.flags(List.of(f)).get(code)));
    }

    @GetMapping("/api/v1/admin/statistics/{code}/ranking")
    public RankingView ranking(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        access.requireUnit(code);
        Ranking r = statistics.ranking(code, day(day));
        List<UnitFigures> all = new java.util.ArrayList<>(r.children());
        all.add(r.parent());
        java.util.Map<String, List<AnomalyFlag>> flags = anomalies.flags(all);
        return new RankingView(FiguresView.of(r.parent(), reasons.views(flags.get(r.parent().code()))),
                r.children().stream().map(c -> FiguresView.of(c, reasons.views(flags.get(c.code())))).toList(),
                r.unassigned() == null ? null : FiguresView.of(r.unassigned()), statistics.properties().floor(),
                statistics.properties().target());
    }

    /** The ranking as a file: {@code format=csv} or {@code format=xlsx}; {@code lang=vi|en} for the headers. */
    @GetMapping("/api/v1/admin/statistics/{code}/ranking/export")
    public ResponseEntity<byte[]> exportRanking(@PathVariable String code,
                                                @RequestParam(defaultValue = "xlsx") String format,
                                                @RequestParam(defaultValue = "vi") String lang,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        access.requireUnit(code);
        Ranking r = statistics.ranking(code, day(day));
        return file(export, r, format, Locale.forLanguageTag(lang.equals("en") ? "en" : "vi"));
    }

    public static ResponseEntity<byte[]> file(RankingExport export, Ranking r, String format, Locale locale) {
        String name = "bluezone-" + r.parent().code() + "-" + r.parent().day();
        return switch (format) {
            case "csv" -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(name + ".csv").build().toString())
                    .body(export.csv(r, locale));
            case "xlsx" -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(name + ".xlsx").build().toString())
                    .body(export.xlsx(r, locale));
            default -> throw new DomainException(ErrorCode.BAD_FORMAT, "format is csv or xlsx");
        };
    }

    @GetMapping("/api/v1/admin/statistics/{code}/trend")
    public List<TrendPoint> trend(@PathVariable String code,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.requireUnit(code);
        LocalDate end = day(to);
        LocalDate start = from == null ? end.minusDays(statistics.properties().trendDays() - 1L) : from;
        if (start.isAfter(end) || start.plusDays(730).isBefore(end)) {
            throw new DomainException(ErrorCode.BAD_RANGE, "from must be before to, at most 730 days apart");
        }
        return statistics.trend(code, start, end);
    }

    private LocalDate day(LocalDate day) {
        return day == null ? clock.today() : day;
    }
}
