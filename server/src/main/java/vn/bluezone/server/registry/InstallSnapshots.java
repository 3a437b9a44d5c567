package vn.bluezone.server.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: the installs to apply are read from the device table itself (issue 15 §5), so a registration writes
 * one row, as a plain insert does. Each new device row carries {@code rollup_xid}, the id of the transaction that
 * inserted it ({@code pg_current_xact_id()}); {@code install_rollup_mark.applied} holds the snapshot of the last
 * applied flush. Why this counts every install exactly once (argued in full in the registry README):
 * <ul>
 * <li>A row is visible to a statement exactly when its transaction committed before the statement's snapshot. A
 * flush applies the rows visible to its snapshot S whose transaction was still running or not yet started in the
 * previous flush's snapshot P: {@code rollup_xid >= xmax(P)} or {@code rollup_xid} in {@code xip(P)}. Every other
 * id below xmax(P) had ended by P: committed, so visible to P's flush and applied then; or rolled back, so its row is
 * never visible. Ids consumed by an {@code ON CONFLICT} retry or a failed statement leave no row and hold nothing
 * back: nothing waits for an id, only for transactions still running (listed in xip).</li>
 * <li>Flushes are serialised by a row lock on the mark, taken in a statement of its own; the reading statement's
 * snapshot is taken after the lock is granted, so it sees the previous flush's commit (mark and counters). The
 * counters and the new mark are written in the same transaction: a crash before the commit applies nothing and
 * moves nothing, so the next flush applies the same rows once.</li>
 * <li>Snapshots only grow (a transaction ended in P has ended in S), so a row applied under S is below xmax(S) and
 * not in xip(S), and no later flush reads it again.</li>
 * </ul>
 * The scan reads only new ids (an index range from xmax(P)) and the few ids that were running at P (index look-ups),
 * so a long transaction elsewhere on the server neither delays nor widens it.
 */
final class InstallSnapshots {
    private final JdbcTemplate jdbc;

    InstallSnapshots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The insert's extra columns and values: the inserting transaction and whether it was attested. */
    static final String COLUMNS = ", rollup_xid, rollup_attested";
    static final String VALUES = ", pg_current_xact_id(), ?";

    /**
     * Reads the installs committed since the last applied snapshot, summed per unit and day ({installs, attested}),
     * into {@code counts}, and moves the mark to this read's snapshot. Call in the transaction that applies the
     * counts. Returns how many installs were read.
     */
    long take(Map<String, Map<LocalDate, long[]>> counts) {
        // Serialises flushers (threads, instances). A statement of its own: the next one's snapshot is taken after
        // the lock is granted, so it sees the mark and counters of the flush that held the lock before.
        String applied = jdbc.queryForObject("SELECT applied::text FROM install_rollup_mark WHERE id = 1 FOR UPDATE",
                String.class);
        Snapshot previous = Snapshot.parse(applied);
        String[] snapshot = new String[1];
        String[] own = new String[1];
        long[] rows = new long[1];
        // One statement, one snapshot: the snapshot recorded is the one the rows were read under. Rows of this very
        // transaction (a caller that registered and flushes before its commit) are visible to it but not committed:
        // they are left out, and its id is recorded as still running, so a flush after the commit applies them.
        jdbc.query("WITH now AS (SELECT pg_current_snapshot()::text AS s, pg_current_xact_id()::text AS own), "
                + "fresh AS (SELECT commune_code, village_id, registered_day, rollup_attested FROM device "
                + "WHERE rollup_xid >= ?::xid8 AND rollup_xid <> pg_current_xact_id() "
                + "UNION ALL SELECT commune_code, village_id, registered_day, rollup_attested FROM device "
                + "WHERE rollup_xid = ANY (?::xid8[]) AND rollup_xid <> pg_current_xact_id()), "
                + "sums AS (SELECT CASE WHEN village_id IS NOT NULL THEN "
                + "'" + AdministrativeUnit.VILLAGE_PREFIX + "' || village_id "
                + "WHEN commune_code IS NOT NULL THEN commune_code ELSE '" + AdministrativeUnit.NATION_CODE + "' END "
                + "AS unit, registered_day, COUNT(*) AS n, COUNT(*) FILTER (WHERE rollup_attested) AS a FROM fresh "
                + "GROUP BY 1, 2) SELECT now.s, now.own, sums.unit, sums.registered_day, sums.n, sums.a FROM now "
                + "LEFT JOIN sums ON TRUE", rs -> {
                    snapshot[0] = rs.getString(1);
                    own[0] = rs.getString(2);
                    if (rs.getString(3) != null) {
                        long[] c = counts.computeIfAbsent(rs.getString(3), u -> new HashMap<>())
                                .computeIfAbsent(rs.getDate(4).toLocalDate(), d -> new long[2]);
                        c[0] += rs.getLong(5);
                        c[1] += rs.getLong(6);
                        rows[0] += rs.getLong(5);
                    }
                }, Long.toString(previous.xmax()), previous.inProgressArray());
        snapshot[0] = Snapshot.parse(snapshot[0]).running(Long.parseLong(own[0])).text();
        jdbc.update("UPDATE install_rollup_mark SET applied = ?::pg_snapshot WHERE id = 1", snapshot[0]);
        return rows[0];
    }

    /** A {@code pg_snapshot} in its text form {@code xmin:xmax:xip,xip,...} (xip ascending, in [xmin, xmax)). */
    record Snapshot(long xmin, long xmax, long[] inProgress) {
        static Snapshot parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalStateException("not a pg_snapshot: " + text);
            }
            long[] xip = parts[2].isEmpty() ? new long[0]
                    : Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray();
            return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
        }

        /**
         * This snapshot with {@code xid} counted as running. PostgreSQL leaves a transaction's own id out of its
         * snapshot's running list, and the flushing transaction has one (its lock on the mark).
         */
        Snapshot running(long xid) {
            if (xid >= xmax || Arrays.binarySearch(inProgress, xid) >= 0) {
                return this;
            }
            long[] xip = Arrays.copyOf(inProgress, inProgress.length + 1);
            xip[inProgress.length] = xid;
            Arrays.sort(xip);
            return new Snapshot(Math.min(xmin, xid), xmax, xip);
        }

        String text() {
            return xmin + ":" + xmax + ":" + Arrays.stream(inProgress).mapToObj(Long::toString)
                    .collect(Collectors.joining(","));
        }

        /** The running transactions as an array literal for {@code ?::xid8[]}. */
        String inProgressArray() {
            return Arrays.stream(inProgress).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
        }
    }
}
