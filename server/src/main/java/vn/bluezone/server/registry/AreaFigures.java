package vn.bluezone.server.registry;

import java.time.LocalDate;
import java.util.Optional;

/** Where campaign tools read live install figures (the registry's statistics roll-ups). */
public interface AreaFigures {
    /** The unit's figures on {@code day}, or empty when the unit is unknown. */
    Optional<AreaSnapshot> snapshot(String unitCode, LocalDate day);
}
