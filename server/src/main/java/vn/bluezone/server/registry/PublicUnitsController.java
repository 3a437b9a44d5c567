package vn.bluezone.server.registry;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.web.ApiException;

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

    @GetMapping("/api/v1/units/{code}")
    public UnitView unit(@PathVariable String code) {
        return UnitView.of(units.require(code));
    }

    @GetMapping("/api/v1/units/{code}/children")
    public List<UnitView> children(@PathVariable String code) {
        return units.children(code).stream().map(UnitView::of).toList();
    }

    /** Diacritic-insensitive search: {@code q=quang ngan} finds Xã Quảng Ngạn. */
    @GetMapping("/api/v1/units")
    public List<UnitView> search(@RequestParam(defaultValue = "") String q,
                                 @RequestParam(required = false) String within,
                                 @RequestParam(defaultValue = "20") int limit) {
        if (VietnameseText.fold(q).length() < 2) {
            throw ApiException.badRequest("QUERY_TOO_SHORT", "q needs at least 2 letters");
        }
        if (within != null) {
            units.require(within);
        }
        return units.search(q, within, Math.max(1, Math.min(limit, 100))).stream().map(UnitView::of).toList();
    }
}
