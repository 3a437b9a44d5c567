package vn.bluezone.server.db;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration shipped with the server, registered as a Spring bean: its version and description are given by
 * the subclass (not parsed from a class name), it has no checksum, and it runs in Flyway's transaction.
 */
public abstract class ShippedJavaMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;

    protected ShippedJavaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
