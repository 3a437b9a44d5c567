package vn.bluezone.server.registry;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ApiLimits;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.Unit;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.VietnameseText;

/**
 * The app's commune picker: GSO units and villages are public facts, so these need no login.
 * {@code GET /api/v1/units/VN/children} lists provinces; a commune's children are its villages.
 */
@RestController
public class PublicUnitsController {
    private final AdministrativeUnits units;

    public PublicUnitsController(AdministrativeUnits units) {
        this.units = units;
    }

    @GetMapping(ApiPaths.UNIT)
    public Unit unit(@PathVariable String code) {
        return units.require(code).view();
    }

    @GetMapping(ApiPaths.UNIT_CHILDREN)
    public List<Unit> children(@PathVariable String code) {
        return units.children(code).stream().map(AdministrativeUnit::view).toList();
    }

    /** Diacritic-insensitive search: {@code q=quang ngan} finds Xã Quảng Ngạn. */
    @GetMapping(ApiPaths.UNITS)
    public List<Unit> search(@RequestParam(defaultValue = "") String q,
                                 @RequestParam(required = false) String within,
                                 @RequestParam(defaultValue = "20") int limit) {
        if (VietnameseText.fold(q).length() < ApiLimits.UNIT_QUERY_MIN_LETTERS) {
            throw new DomainException(ErrorCode.QUERY_TOO_SHORT, "q needs at least 2 letters");
        }
        if (within != null) {
            units.require(within);
        }
        return units.search(q, within, Math.max(1, Math.min(limit, ApiLimits.UNIT_SEARCH_MAX_RESULTS))).stream().map(AdministrativeUnit::view).toList();
    }
}
