package vn.bluezone.server.accounts;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The next level of an area picker for its script ({@code /js/area-picker.js}): the units under {@code parent}
 * (the provinces when blank) that the signed-in official may act on, by full name, in dictionary order. A parent
 * outside the official's area simply has no such units.
 */
@RestController
public class AreaPickerController {
    private final CurrentOfficial current;
    private final AreaPicker picker;

    public AreaPickerController(CurrentOfficial current, AreaPicker picker) {
        this.current = current;
        this.picker = picker;
    }

    @GetMapping("/console/areas/children")
    public List<AreaOption> children(@RequestParam(defaultValue = "") String parent) {
        return picker.options(current.require(), parent.isBlank() ? null : parent.strip());
    }
}
