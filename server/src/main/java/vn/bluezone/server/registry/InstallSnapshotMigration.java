package vn.bluezone.server.registry;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import vn.bluezone.server.db.DatabaseProduct;
import vn.bluezone.server.db.ShippedJavaMigration;

/**
 * Flyway migration 230 (issue 15 §5): on PostgreSQL a registration no longer writes an {@code install_queue} row;
 * its device row carries the id of the transaction that inserted it ({@code rollup_xid}) and {@link InstallSnapshots}
 * applies to the roll-ups the rows whose transaction committed since the last applied snapshot (kept in
 * {@code install_rollup_mark}). A Java migration because the types ({@code xid8}, {@code pg_snapshot}) exist only on
 * PostgreSQL; H2, the single-process development database, keeps the queue and gets nothing here.
 * <p>
 * Devices that exist now are counted already (by the queue, or their rows are still queued and the next flush drains
 * them): their {@code rollup_xid} stays NULL, which the snapshot flusher never reads. The first mark is this
 * migration's own snapshot; every row with a {@code rollup_xid} is written by a transaction that starts after this one
 * committed, so its id is at or above the snapshot's xmax and counts as not yet applied.
 */
@Component
public class InstallSnapshotMigration extends ShippedJavaMigration {
    public InstallSnapshotMigration() {
        super("230", "install roll-ups by transaction snapshot");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!DatabaseProduct.isPostgres(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            // Both columns are NULL for every existing row: adding them rewrites nothing.
            s.execute("ALTER TABLE device ADD COLUMN rollup_xid xid8");
            s.execute("ALTER TABLE device ADD COLUMN rollup_attested BOOLEAN");
            // Partial: devices counted before this migration (and rows written outside the registry) stay out of it.
            s.execute("CREATE INDEX device_rollup_xid_ix ON device (rollup_xid) WHERE rollup_xid IS NOT NULL");
            s.execute("CREATE TABLE install_rollup_mark (id SMALLINT PRIMARY KEY CHECK (id = 1), "
                    + "applied pg_snapshot NOT NULL)");
            s.execute("INSERT INTO install_rollup_mark (id, applied) VALUES (1, pg_current_snapshot())");
        }
    }
}
