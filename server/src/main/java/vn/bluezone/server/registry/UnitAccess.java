package vn.bluezone.server.registry;

import java.util.function.Predicate;
import vn.bluezone.server.accounts.Official;

/**
 * Who may read and change units, villages and denominators: the registry's officials' API asks, the statistics
 * feature answers (its {@code StatisticsAccess} is the one implementation). Owned here so that registry never
 * imports statistics: the dependency runs statistics → registry only (issue 11 §3).
 */
public interface UnitAccess {
    /** The signed-in official, who must hold a role that reads install figures (403 FORBIDDEN otherwise). */
    Official official();

    /** Checks the official may see {@code code}, which must exist (403 OUT_OF_SCOPE, 404 UNIT_NOT_FOUND). */
    Official requireUnit(String code);

    /** An official who may change villages and denominators (403 FORBIDDEN otherwise). */
    Official editor();

    /** {@link #editor()} who may see {@code code}. */
    Official requireEditor(String code);

    /** The units {@code o} may see. */
    Predicate<String> scopeOf(Official o);
}
