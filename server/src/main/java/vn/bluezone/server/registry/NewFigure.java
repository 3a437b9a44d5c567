package vn.bluezone.server.registry;

import java.time.LocalDate;

/** A figure to record for a unit. */
public record NewFigure(String unitCode, DenominatorKind kind, long amount, LocalDate asOf, String source) {
}
