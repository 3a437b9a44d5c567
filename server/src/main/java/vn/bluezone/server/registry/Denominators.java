package vn.bluezone.server.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * Population, households, mobile subscribers and smartphone users per unit, with history. Entries are only ever
 * added; the figure in force on a day is the latest entry with as_of at or before that day (ties: the later entry).
 */
@Service
public class Denominators {
    private final NamedParameterJdbcTemplate jdbc;
    private final AdministrativeUnits units;
    private final RegistryClock clock;

    public Denominators(NamedParameterJdbcTemplate jdbc, AdministrativeUnits units, RegistryClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    /**
     * Records figures all or nothing. {@code inScope} says which units the actor may change; a figure outside it is
     * refused with 403 OUT_OF_SCOPE before anything is written.
     */
    @Transactional
    public void record(List<NewFigure> figures, String actor, Predicate<String> inScope) {
        for (NewFigure f : figures) {
            units.require(f.unitCode());
            if (!inScope.test(f.unitCode())) {
                throw new DomainException(ErrorCode.OUT_OF_SCOPE, "Unit " + f.unitCode() + " is outside your area");
            }
            if (f.amount() < 0) {
                throw new DomainException(ErrorCode.BAD_NUMBER, "A figure cannot be negative");
            }
            if (f.asOf().isAfter(clock.today())) {
                throw new DomainException(ErrorCode.FUTURE_DATE, "The as-of date " + f.asOf() + " is in the future");
            }
        }
        Timestamp now = Timestamp.from(clock.clock().instant());
        MapSqlParameterSource[] batch = figures.stream().map(f -> new MapSqlParameterSource()
                .addValue("unit", f.unitCode()).addValue("kind", f.kind().name()).addValue("amount", f.amount())
                .addValue("asOf", Date.valueOf(f.asOf())).addValue("source", f.source())
                .addValue("by", actor).addValue("at", now)).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("INSERT INTO denominator (unit_code, kind, amount, as_of, source, entered_by, entered_at) "
                + "VALUES (:unit, :kind, :amount, :asOf, :source, :by, :at)", batch);
    }

    /** All entries of a unit, newest as-of first. */
    public List<DenominatorEntry> history(String unitCode) {
        return jdbc.query("SELECT id, unit_code, kind, amount, as_of, source, entered_by, entered_at FROM denominator "
                        + "WHERE unit_code = :unit ORDER BY as_of DESC, id DESC",
                Map.of("unit", unitCode), (rs, n) -> new DenominatorEntry(rs.getLong(1), rs.getString(2),
                        DenominatorKind.valueOf(rs.getString(3)), rs.getLong(4), rs.getDate(5).toLocalDate(),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
    }

    /** The figures in force on {@code day} for each unit (units without any figure are absent). */
    public Map<String, Map<DenominatorKind, Long>> inForce(Collection<String> unitCodes, LocalDate day) {
        Map<String, Map<DenominatorKind, Long>> result = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return result;
        }
        // Rows come oldest first, so the last one put for a (unit, kind) is the one in force.
        List<String> codes = new ArrayList<>(unitCodes);
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> slice = codes.subList(from, Math.min(codes.size(), from + 500));
            jdbc.query("SELECT unit_code, kind, amount FROM denominator WHERE unit_code IN (:units) "
                            + "AND as_of <= :day ORDER BY as_of, id",
                    new MapSqlParameterSource("units", slice).addValue("day", Date.valueOf(day)), rs -> {
                        result.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(DenominatorKind.class))
                                .put(DenominatorKind.valueOf(rs.getString(2)), rs.getLong(3));
                    });
        }
        return result;
    }
}
