package vn.bluezone.server.statistics;

import java.util.List;
import vn.bluezone.server.registry.AdministrativeUnit;

/** A unit marked for review, with every reason found. */
public record FlaggedUnit(AdministrativeUnit unit, List<AnomalyFlag> flags) {
}
