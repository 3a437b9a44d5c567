package vn.bluezone.server.checkins;

import vn.bluezone.api.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.accounts.AreaScope;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.place.Place;
import vn.bluezone.server.campaign.place.PlaceService;

/** Officials' check-in endpoints: place warnings, a place's check-in link, running the jobs now. */
@RestController
@RequestMapping("/api/v1/admin/checkins")
@Tag(name = "check-ins (officials)", description = "Place warnings by health officers; check-in links; jobs")
public class CheckinsAdminApi {
    private final CurrentOfficial current;
    private final PlaceWarningService warnings;
    private final PlaceQrService qr;
    private final PlaceService places;
    private final AreaScope scope;
    private final CheckinPackageService packages;
    private final CheckinRetentionService retention;
    private final vn.bluezone.server.campaign.place.PlaceLinks links;

    public CheckinsAdminApi(CurrentOfficial current, PlaceWarningService warnings, PlaceQrService qr, PlaceService places,
                            AreaScope scope, CheckinPackageService packages, CheckinRetentionService retention,
                            vn.bluezone.server.campaign.place.PlaceLinks links) {
        this.links = links;
        this.current = current;
        this.warnings = warnings;
        this.qr = qr;
        this.places = places;
        this.scope = scope;
        this.packages = packages;
        this.retention = retention;
    }

    /** A warning to publish: the place's code, the window (ISO-8601 instants), the message phones show. */
    public record WarningRequest(String placeCode, Instant start, Instant end, String message) {
    }

    public record WarningJson(long id, long placeId, Instant start, Instant end, String message, String issuedBy,
                              Instant issuedAt) {
        static WarningJson of(PlaceWarning w) {
            return new WarningJson(w.id(), w.placeId(), w.startsAt(), w.endsAt(), w.message(), w.issuedBy(), w.issuedAt());
        }
    }

    @PostMapping("/place-warnings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "HEALTH_OFFICER, ADMIN: warn everyone who checked in at a place in a window (≤ 24 h, last 14 days)",
            description = "Errors: PLACE_NOT_FOUND 404 (also another area's place), INVALID_WINDOW, INVALID_MESSAGE 400. Audited.")
    public WarningJson warn(@RequestBody WarningRequest req) {
        Official o = current.requireRole(Role.HEALTH_OFFICER, Role.ADMIN);
        return WarningJson.of(warnings.warn(o, req.placeCode(), req.start(), req.end(), req.message()));
    }

    @GetMapping("/place-warnings")
    @Operation(summary = "HEALTH_OFFICER, ADMIN, NATIONAL: recent place warnings, newest first")
    public List<WarningJson> recent(@RequestParam(defaultValue = "50") int limit) {
        current.requireRole(Role.HEALTH_OFFICER, Role.ADMIN, Role.NATIONAL);
        return warnings.recent(limit).stream().map(WarningJson::of).toList();
    }

    public record LinkJson(String placeCode, String url) {
    }

    @GetMapping("/places/{code}/link")
    @Operation(summary = "The place's check-in link (install URL with the QR payload in the fragment), for its poster")
    public LinkJson link(@PathVariable String code) {
        Official o = current.require();
        Place place = places.byCode(code).filter(p -> scope.maySee(o, p.communeCode()))
                .orElseThrow(() -> PlaceWarningService.placeNotFound(code)); // another area's: as missing
        return new LinkJson(place.code(), links.qrContent(place));
    }

    @PostMapping("/packages/run")
    @Operation(summary = "ADMIN: build due check-in packages now")
    public CheckinPackageService.RunSummary run() {
        current.requireRole(Role.ADMIN);
        return packages.runOnce();
    }

    @PostMapping("/retention")
    @Operation(summary = "ADMIN: apply the 14-day retention to check-ins now")
    public CheckinRetentionService.Summary runRetention() {
        current.requireRole(Role.ADMIN);
        return retention.runOnce();
    }
}
