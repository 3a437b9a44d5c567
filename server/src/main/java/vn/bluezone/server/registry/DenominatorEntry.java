package vn.bluezone.server.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One figure as entered: never updated, so the history of a unit's figures is the list of its entries. */
public record DenominatorEntry(long id, String unitCode, DenominatorKind kind, long amount, LocalDate asOf,
                               String source, String enteredBy, Instant enteredAt) {
}
