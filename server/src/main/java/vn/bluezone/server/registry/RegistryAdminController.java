package vn.bluezone.server.registry;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.Unit;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.VietnameseText;

/** Officials' API for villages and denominators, each within the official's area. Changes are audited. */
@RestController
public class RegistryAdminController {
    private final AdministrativeUnits units;
    private final Villages villages;
    private final Denominators denominators;
    private final DenominatorImport importer;
    private final UnitAccess access;
    private final AuditLog audit;

    public RegistryAdminController(AdministrativeUnits units, Villages villages, Denominators denominators,
                                   DenominatorImport importer, UnitAccess access, AuditLog audit) {
        this.units = units;
        this.villages = villages;
        this.denominators = denominators;
        this.importer = importer;
        this.access = access;
        this.audit = audit;
    }

    public record NewVillage(String name, String kind) {
    }

    public record FigureRequest(String unitCode, String kind, Long amount, LocalDate asOf, String source) {
    }

    public record ImportResult(int imported) {
    }

    /** 400 IMPORT_REJECTED with every bad row: {@code rows: [{row, column, code, message, value}]}. */
    public record ImportRejection(String error, String message, List<ImportProblem> rows) {
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ImportRejection> rejected(ImportRejectedException e) {
        return ResponseEntity.badRequest().body(new ImportRejection(e.code(), e.getMessage(), e.problems()));
    }

    @GetMapping("/api/v1/admin/units/{code}")
    public Map<String, Object> unit(@PathVariable String code) {
        access.requireUnit(code);
        return Map.of("unit", units.require(code).view(),
                "children", units.children(code).stream().map(AdministrativeUnit::view).toList());
    }

    @GetMapping("/api/v1/admin/units")
    public List<Unit> search(@RequestParam(defaultValue = "") String q) {
        Official o = access.official();
        String within = o.isNational() ? null : o.areaCode();
        return units.search(q, within, 50).stream().map(AdministrativeUnit::view).toList();
    }

    @PostMapping("/api/v1/admin/units/{code}/villages")
    @ResponseStatus(HttpStatus.CREATED)
    public Unit createVillage(@PathVariable String code, @RequestBody NewVillage body) {
        Official o = access.requireEditor(code);
        AdministrativeUnit v = villages.create(code, body == null ? null : body.kind(),
                body == null ? null : body.name(), o.username());
        audit.record(o.username(), "village.create", v.code(), v.fullName() + " in " + code);
        return v.view();
    }

    @GetMapping("/api/v1/admin/units/{code}/denominators")
    public List<DenominatorEntry> history(@PathVariable String code) {
        access.requireUnit(code);
        return denominators.history(code);
    }

    @PostMapping("/api/v1/admin/denominators")
    @ResponseStatus(HttpStatus.CREATED)
    public ImportResult record(@RequestBody List<FigureRequest> figures) {
        Official o = access.editor();
        if (figures == null || figures.isEmpty()) {
            throw new DomainException(ErrorCode.NO_FIGURES, "send a JSON array of {unitCode, kind, amount, asOf, source}");
        }
        List<NewFigure> list = figures.stream().map(RegistryAdminController::toFigure).toList();
        denominators.record(list, o.username(), access.scopeOf(o));
        audit.record(o.username(), "denominator.record", list.get(0).unitCode(), list.size() + " figure(s)");
        return new ImportResult(list.size());
    }

    static NewFigure toFigure(FigureRequest f) {
        if (f == null || f.unitCode() == null || f.kind() == null || f.amount() == null || f.asOf() == null) {
            throw new DomainException(ErrorCode.BAD_FIGURE, "unitCode, kind, amount and asOf are required");
        }
        DenominatorKind kind;
        try {
            kind = DenominatorKind.valueOf(f.kind().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.BAD_KIND, "kind is one of POPULATION, HOUSEHOLDS, MOBILE_SUBSCRIBERS, "
                    + "SMARTPHONE_USERS");
        }
        if (f.source() != null && f.source().length() > 1000) {
            throw new DomainException(ErrorCode.BAD_SOURCE, "source is at most 1000 characters");
        }
        return new NewFigure(f.unitCode(), kind, f.amount(), f.asOf(), VietnameseText.nfc(f.source()));
    }

    @PostMapping("/api/v1/admin/denominators/import")
    public ImportResult importFile(@RequestParam("file") MultipartFile file) throws IOException {
        Official o = access.editor();
        if (file == null || file.isEmpty()) {
            throw new DomainException(ErrorCode.EMPTY_FILE, "attach a CSV or XLSX file as 'file'");
        }
        int n = importer.importFile(file.getOriginalFilename(), file.getBytes(), o.username(), access.scopeOf(o));
        audit.record(o.username(), "denominator.import", file.getOriginalFilename(), n + " figure(s)");
        return new ImportResult(n);
    }
}
