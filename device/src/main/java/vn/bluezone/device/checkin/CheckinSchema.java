package vn.bluezone.device.checkin;

import java.util.List;

/**
 * The check-in store's SQLite tables, in one place for {@link SqliteCheckinStore} (JDBC) and the Android app's
 * store ({@code android.database.sqlite}), so the two cannot drift apart. Times are epoch milliseconds.
 */
public final class CheckinSchema {
    public static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS checkin (id INTEGER PRIMARY KEY AUTOINCREMENT, place_code TEXT NOT NULL,"
                    + " payload BLOB NOT NULL, check_in INTEGER NOT NULL, check_out INTEGER, auto_check_out INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS checkin_package (name TEXT PRIMARY KEY, at INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS checkin_warned (k TEXT PRIMARY KEY, at INTEGER NOT NULL)");

    private CheckinSchema() {
    }
}
