package vn.bluezone.server.campaign;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.bluezone.server.console.UnitNameSource;

/** The console's unit names from the campaign's {@link Areas} (the code itself when there are no areas). */
@Component
class AreaUnitNames implements UnitNameSource {
    private final ObjectProvider<Areas> areas;

    AreaUnitNames(ObjectProvider<Areas> areas) {
        this.areas = areas;
    }

    @Override
    public Optional<String> name(String unitCode) {
        Areas a = areas.getIfAvailable();
        return a == null ? Optional.empty() : a.name(unitCode);
    }
}
