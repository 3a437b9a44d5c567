package vn.bluezone.server.statistics;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.DenominatorImport;
import vn.bluezone.server.registry.DenominatorKind;
import vn.bluezone.server.registry.Denominators;
import vn.bluezone.server.registry.ImportRejectedException;
import vn.bluezone.server.registry.NewFigure;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.registry.UnitLevel;
import vn.bluezone.server.registry.VillageKind;
import vn.bluezone.server.registry.Villages;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.console.Formats;
import vn.bluezone.server.web.ErrorStatus;
import vn.bluezone.server.console.RefusedForm;

/**
 * The officials' statistics pages: a unit's dashboard (tiles, trend, ranking of the units below with drill-down),
 * exports, villages and denominators. Every page checks the unit is inside the official's area (403 otherwise).
 */
@Controller
public class StatisticsPageController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatisticsAccess access;
    private final AdministrativeUnits units;
    private final UnitStatistics statistics;
    private final RankingExport export;
    private final Villages villages;
    private final Denominators denominators;
    private final DenominatorImport importer;
    private final DemoDataSet demo;
    private final RegistryClock clock;
    private final AuditLog audit;
    private final org.springframework.context.MessageSource messages;
    private final AnomalyDetector anomalies;
    private final vn.bluezone.server.statistics.map.InstallRateMaps rateMaps;

    public StatisticsPageController(StatisticsAccess access, AdministrativeUnits units, UnitStatistics statistics,
                                    RankingExport export, Villages villages, Denominators denominators,
                                    DenominatorImport importer, DemoDataSet demo, RegistryClock clock, AuditLog audit,
                                    org.springframework.context.MessageSource messages, AnomalyDetector anomalies,
                                    vn.bluezone.server.statistics.map.InstallRateMaps rateMaps) {
        this.anomalies = anomalies;
        this.rateMaps = rateMaps;
        this.access = access;
        this.units = units;
        this.statistics = statistics;
        this.export = export;
        this.villages = villages;
        this.denominators = denominators;
        this.importer = importer;
        this.demo = demo;
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/console/statistics")
    public String home() {
        Official o = access.official();
        return "redirect:/console/statistics/" + access.homeUnit(o);
    }

    @GetMapping("/console/statistics/{code}")
    public String dashboard(@PathVariable String code, @RequestParam(required = false) String day,
                            Model model, Locale locale) {
        Official o = access.requireUnit(code);
        // The day field is text (dd/mm/yyyy, see Formats.input); links carry ISO days. Both are read strictly.
        LocalDate chosen = vn.bluezone.server.web.Dates.optional(day,
                () -> new DomainException(ErrorCode.BAD_DATE, "'" + day + "' is not a day (dd/mm/yyyy)", "day"));
        LocalDate d = chosen == null ? clock.today() : chosen;
        Ranking ranking = statistics.ranking(code, d);
        common(model, o, code, d);
        model.addAttribute("figures", ranking.parent());
        model.addAttribute("ranking", ranking);
        List<UnitFigures> all = new java.util.ArrayList<>(ranking.children());
        all.add(ranking.parent());
        model.addAttribute("anomalies", anomalies.flags(all)); // issue 15 §3: units marked for review
        model.addAttribute("unassignedLabel", export.unassignedLabel(ranking, locale));
        List<TrendPoint> trend = statistics.trend(code, d.minusDays(statistics.properties().trendDays() - 1L), d);
        model.addAttribute("trendJson", trendJson(trend, locale));
        model.addAttribute("periods", vn.bluezone.server.statistics.PeriodComparison.of(trend));
        model.addAttribute("rankingJson", rankingJson(ranking, locale));
        model.addAttribute("rateMap", rateMaps.of(ranking, locale)); // the country's page only
        return "statistics/dashboard";
    }

    @GetMapping("/console/statistics/{code}/export.{format}")
    public ResponseEntity<byte[]> export(@PathVariable String code, @PathVariable String format,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                         Locale locale) {
        access.requireUnit(code);
        Ranking r = statistics.ranking(code, day == null ? clock.today() : day);
        return vn.bluezone.server.statistics.StatisticsApiController.file(export, r, format, locale);
    }

    @GetMapping("/console/statistics/search")
    public String search(@RequestParam(defaultValue = "") String q, Model model) {
        Official o = access.official();
        common(model, o, access.homeUnit(o), clock.today());
        model.addAttribute("q", q);
        model.addAttribute("results", q.isBlank() ? List.of()
                : units.search(q, o.isNational() ? null : o.areaCode(), 50));
        return "statistics/search";
    }

    @GetMapping("/console/statistics/{code}/villages")
    public String villagesPage(@PathVariable String code, Model model) {
        Official o = access.requireUnit(code);
        if (units.require(code).level() != UnitLevel.COMMUNE) {
            throw new DomainException(ErrorCode.NOT_A_COMMUNE, "villages belong to communes");
        }
        common(model, o, code, clock.today());
        model.addAttribute("villages", units.children(code));
        model.addAttribute("kinds", VillageKind.values());
        RefusedForm.blank(model, "villageForm", VillageForm.EMPTY);
        return "statistics/villages";
    }

    @PostMapping("/console/statistics/{code}/villages")
    public String createVillage(@PathVariable String code, @RequestParam(defaultValue = "") String name,
                                @RequestParam(defaultValue = "thon") String kind, Model model,
                                RedirectAttributes redirect, Locale locale) {
        Official o = access.requireEditor(code);
        try {
            AdministrativeUnit v = villages.create(code, kind, name, o.username());
            audit.record(o.username(), "village.create", v.code(), v.fullName() + " in " + code);
            redirect.addFlashAttribute("info", messages.getMessage("stats.villages.created",
                    new Object[] {v.fullName()}, locale));
            return "redirect:/console/statistics/" + code + "/villages";
        } catch (DomainException e) {
            String field = switch (e.code()) {
                case "BAD_VILLAGE_KIND" -> "kind";
                case "BAD_VILLAGE_NAME", "VILLAGE_EXISTS" -> "name";
                default -> throw e;
            };
            return refused(model, e, "villageForm", new VillageForm(kind, name), field, locale,
                    () -> villagesPage(code, model));
        }
    }

    /** What the village form held, to show it again when refused (issue 13, problem 4). */
    public record VillageForm(String kind, String name) {
        static final VillageForm EMPTY = new VillageForm("thon", "");
    }

    /** What the figure form held, to show it again when refused. */
    public record FigureForm(String kind, String amount, String asOf, String source) {
        static final FigureForm EMPTY = new FigureForm("", "", "", "");
    }

    /**
     * A refused form of the statistics pages: the page again with what was typed, the refusal next to its field in
     * the reader's language ({@code stats.error.<CODE>}), the "not saved" line at the top, and the refusal's status.
     */
    private String refused(Model model, DomainException e, String formName, Object form, String field,
                           Locale locale, java.util.function.Supplier<String> view) {
        if (ErrorStatus.isForbidden(e)) {
            throw e;
        }
        return RefusedForm.show(model, formName, form, field, messages.getMessage("stats.error." + e.code(), null,
                messages.getMessage("error.problem.default", null, locale), locale),
                messages.getMessage("stats.form.refused", null, locale), ErrorStatus.of(e).value(), view);
    }

    @GetMapping("/console/statistics/{code}/denominators")
    public String denominatorsPage(@PathVariable String code, Model model) {
        Official o = access.requireUnit(code);
        common(model, o, code, clock.today());
        model.addAttribute("history", denominators.history(code));
        model.addAttribute("kinds", DenominatorKind.values());
        model.addAttribute("demoSources", DemoDataSet.SOURCES);
        RefusedForm.blank(model, "figureForm", FigureForm.EMPTY);
        return "statistics/denominators";
    }

    @PostMapping("/console/statistics/{code}/denominators")
    public String recordFigure(@PathVariable String code, @RequestParam(defaultValue = "") String kind,
                               @RequestParam(defaultValue = "") String amount,
                               @RequestParam(defaultValue = "") String asOf,
                               @RequestParam(defaultValue = "") String source, Model model,
                               RedirectAttributes redirect, Locale locale) {
        Official o = access.requireEditor(code);
        try {
            DenominatorKind k;
            try {
                k = DenominatorKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new DomainException(ErrorCode.BAD_KIND, "unknown figure kind '" + kind + "'", "kind");
            }
            Long n = DenominatorImport.parseAmount(amount);
            if (n == null) {
                throw new DomainException(ErrorCode.BAD_FIGURE, "the amount must be a whole number", "amount");
            }
            LocalDate date = DenominatorImport.parseDate(asOf);
            if (date == null) {
                throw new DomainException(ErrorCode.BAD_DATE, "'" + asOf + "' is not a day (dd/mm/yyyy)", "asOf");
            }
            denominators.record(List.of(new NewFigure(code, k, n, date, source.isBlank() ? null : source)),
                    o.username(), access.scopeOf(o));
            audit.record(o.username(), "denominator.record", code, k + "=" + n + " as of " + date);
            redirect.addFlashAttribute("info", messages.getMessage("stats.denominators.saved", null, locale));
            return "redirect:/console/statistics/" + code + "/denominators";
        } catch (DomainException e) {
            String field = e.field() != null ? e.field() : switch (e.code()) {
                case "BAD_NUMBER" -> "amount";
                case "FUTURE_DATE" -> "asOf";
                case "BAD_SOURCE" -> "source";
                default -> throw e;
            };
            return refused(model, e, "figureForm", new FigureForm(kind, amount, asOf, source), field, locale,
                    () -> denominatorsPage(code, model));
        }
    }

    @PostMapping("/console/statistics/{code}/denominators/import")
    public String importFigures(@PathVariable String code, @RequestParam(value = "file", required = false) MultipartFile file,
                                RedirectAttributes redirect, Locale locale) throws IOException {
        Official o = access.requireEditor(code);
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            int n = importer.importFile(file == null ? null : file.getOriginalFilename(), content, o.username(),
                    access.scopeOf(o));
            audit.record(o.username(), "denominator.import", file.getOriginalFilename(), n + " figure(s)");
            redirect.addFlashAttribute("info", messages.getMessage("stats.import.done", new Object[] {n}, locale));
        } catch (ImportRejectedException e) {
            redirect.addFlashAttribute("error", messages.getMessage("stats.import.rejected",
                    new Object[] {e.problems().size()}, locale));
            redirect.addFlashAttribute("problems", e.problems().stream().map(p -> messages.getMessage(
                    "import.problem." + p.code(), new Object[] {p.row(), p.value() == null ? "" : p.value()},
                    p.message(), locale)).toList());
        }
        return "redirect:/console/statistics/" + code + "/denominators";
    }

    private void common(Model model, Official o, String code, LocalDate day) {
        model.addAttribute("official", o);
        model.addAttribute("editor", access.mayEdit(o));
        model.addAttribute("unit", units.require(code));
        List<AdministrativeUnit> chain = new ArrayList<>(units.chain(code));
        // Officials see the path only from their own unit down.
        chain.removeIf(u -> !access.maySee(o, u.code()));
        model.addAttribute("chain", chain);
        model.addAttribute("day", day);
        model.addAttribute("today", clock.today());
        model.addAttribute("fmt", new Formats());
        model.addAttribute("demo", demo.isLoaded());
        model.addAttribute("floor", statistics.properties().floor());
        model.addAttribute("target", statistics.properties().target());
        model.addAttribute("trendDays", statistics.properties().trendDays());
    }

    private String trendJson(List<TrendPoint> trend, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        // Axis labels as officials read days (dd/mm/yyyy), never ISO.
        m.put("days", trend.stream().map(p -> Formats.format(p.day())).toList());
        m.put("rate", trend.stream().map(TrendPoint::populationRate).toList());
        m.put("floor", statistics.properties().floor());
        m.put("installs", trend.stream().map(TrendPoint::installs).toList());
        m.put("active7d", trend.stream().map(TrendPoint::active7d).toList());
        m.put("active1d", trend.stream().map(TrendPoint::active1d).toList());
        m.put("labels", Map.of("installs", msg("stats.installs", locale), "active7d", msg("stats.active7d", locale),
                "active1d", msg("stats.active1d", locale), "rate", msg("stats.rate.population", locale),
                "floor", msg("stats.trend.floorLine", locale)));
        return JSON.writeValueAsString(m).replace("<", "\\u003c"); // safe inside <script>
    }

    private String rankingJson(Ranking ranking, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<UnitFigures> rows = ranking.children();
        // Short names keep the chart narrow; a village's short name is often just its number ("2" of "Thôn 2").
        m.put("names", rows.stream().map(f -> f.unit().level() == UnitLevel.VILLAGE
                ? f.unit().fullName() : f.unit().name()).toList());
        m.put("rates", rows.stream().map(UnitFigures::populationRate).toList());
        m.put("underFloor", rows.stream().map(UnitFigures::underFloor).toList());
        m.put("underTarget", rows.stream().map(UnitFigures::underTarget).toList());
        m.put("labels", Map.of("rate", msg("stats.rate.population", locale)));
        return JSON.writeValueAsString(m).replace("<", "\\u003c"); // safe inside <script>
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
