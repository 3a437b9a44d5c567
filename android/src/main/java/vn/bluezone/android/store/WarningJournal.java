package vn.bluezone.android.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import android.content.ContentValues;
import android.database.Cursor;

import vn.bluezone.device.checkin.CheckinWarning;
import vn.bluezone.device.exposure.ExposureWarning;

/**
 * The warnings the user was shown, with the text rendered for them, so that the warnings screen lists every one
 * after the notification is gone, Bluetooth and check-in warnings alike. Same database file as the engine's tables; same 14-day retention.
 */
public final class WarningJournal {
    static final String TABLE = "shown_warning";
    static final String SCHEMA = "CREATE TABLE IF NOT EXISTS " + TABLE + " (id INTEGER PRIMARY KEY,"
            + " level TEXT NOT NULL, contact_day TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,"
            + " shown_at INTEGER NOT NULL)";

    /** Level prefix of check-in warnings. */
    public static final String CHECKIN = "CHECKIN_";

    /** One warning as shown: level F1/F2 (Bluetooth) or CHECKIN_CASE/CHECKIN_OFFICER. */
    public record Entry(String level, LocalDate contactDay, String title, String body, Instant shownAt) {
        public boolean isCheckin() {
            return level.startsWith(CHECKIN);
        }
    }

    private final AndroidDeviceStorage storage;

    public WarningJournal(AndroidDeviceStorage storage) {
        this.storage = storage;
    }

    public void add(ExposureWarning warning, String title, String body, Instant at) {
        insert(warning.level().name(), warning.contactDay(), title, body, at);
    }

    private void insert(String level, LocalDate day, String title, String body, Instant at) {
        ContentValues v = new ContentValues();
        v.put("level", level);
        v.put("contact_day", day.toString());
        v.put("title", title);
        v.put("body", body);
        v.put("shown_at", at.toEpochMilli());
        synchronized (storage) {
            storage.database().insertOrThrow(TABLE, null, v);
        }
    }

    /** A check-in warning (kind CHECKIN_CASE or CHECKIN_OFFICER), listed beside the Bluetooth ones. */
    public void add(CheckinWarning warning, String title, String body, Instant at) {
        insert(CHECKIN + warning.kind().name(), warning.day(), title, body, at);
    }

    /** Newest first. */
    public List<Entry> all() {
        synchronized (storage) {
            try (Cursor c = storage.database().rawQuery("SELECT level, contact_day, title, body, shown_at FROM "
                    + TABLE + " ORDER BY contact_day DESC, id DESC", null)) {
                List<Entry> out = new ArrayList<>();
                while (c.moveToNext()) {
                    out.add(new Entry(c.getString(0), LocalDate.parse(c.getString(1)), c.getString(2),
                            c.getString(3), Instant.ofEpochMilli(c.getLong(4))));
                }
                return out;
            }
        }
    }
}
