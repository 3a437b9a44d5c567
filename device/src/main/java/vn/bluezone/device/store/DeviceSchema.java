package vn.bluezone.device.store;

import java.util.List;

/**
 * The phone's SQLite schema, one list for every SQLite-backed {@link DeviceStorage} (the JDBC one here and the
 * Android one in the app), so the two cannot drift apart.
 */
public final class DeviceSchema {
    public static final List<String> TABLES = List.of(
        "CREATE TABLE IF NOT EXISTS own_key (key_data BLOB PRIMARY KEY, rolling_start INTEGER NOT NULL,"
                + " rolling_period INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS scan (id INTEGER PRIMARY KEY, started_at INTEGER NOT NULL,"
                + " duration_ms INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS scan_started ON scan(started_at)",
        // No index on rpi: matching loads the 14-day window once into an in-memory table.
        "CREATE TABLE IF NOT EXISTS sighting (scan_id INTEGER NOT NULL, rpi BLOB NOT NULL, aem BLOB NOT NULL,"
                + " rssi_typical INTEGER NOT NULL, rssi_max INTEGER NOT NULL, packets INTEGER NOT NULL,"
                + " seen_at INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS sighting_seen ON sighting(seen_at)",
        "CREATE TABLE IF NOT EXISTS export_file (region TEXT NOT NULL, name TEXT NOT NULL,"
                + " processed_at INTEGER NOT NULL, PRIMARY KEY (region, name))",
        "CREATE TABLE IF NOT EXISTS warning (level TEXT NOT NULL, contact_day TEXT NOT NULL,"
                + " issued_at INTEGER NOT NULL, PRIMARY KEY (level, contact_day))",
        "CREATE TABLE IF NOT EXISTS matched_key (key_data BLOB PRIMARY KEY, rolling_start INTEGER NOT NULL,"
                + " rolling_period INTEGER NOT NULL, transmission_risk INTEGER NOT NULL, report_type INTEGER NOT NULL,"
                + " days_since_onset INTEGER, matched_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT NOT NULL)");

    private DeviceSchema() {
    }
}
