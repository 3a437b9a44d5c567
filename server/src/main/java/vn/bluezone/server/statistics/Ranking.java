package vn.bluezone.server.statistics;

import java.util.List;

/**
 * The children of a unit on a day, best population rate first (units without a population last, by installs),
 * plus the devices of the parent that chose no child ({@code unassigned}, null when there are none).
 */
public record Ranking(UnitFigures parent, List<UnitFigures> children, UnitFigures unassigned) {
}
