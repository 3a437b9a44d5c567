package vn.bluezone.android.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import android.content.ContentValues;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;

import vn.bluezone.device.checkin.CheckinStore;
import vn.bluezone.device.checkin.StoredCheckin;

/**
 * The engine's {@link CheckinStore} on {@code android.database.sqlite}, in the phone's one database file (tables
 * from {@code device/checkin/CheckinSchema}, created by {@link AndroidDeviceStorage}), so "delete all data" takes
 * the check-ins too. Times are epoch milliseconds, as in the engine's JDBC store.
 */
public final class AndroidCheckinStore implements CheckinStore {
    private final AndroidDeviceStorage storage;

    public AndroidCheckinStore(AndroidDeviceStorage storage) {
        this.storage = storage;
    }

    private SQLiteDatabase db() {
        return storage.database();
    }

    @Override
    public StoredCheckin insert(StoredCheckin c) {
        ContentValues v = times(c);
        v.put("place_code", c.placeCode());
        v.put("payload", c.payload());
        v.put("auto_check_out", c.autoCheckOut().toEpochMilli());
        synchronized (storage) {
            long id = db().insertOrThrow("checkin", null, v);
            return new StoredCheckin(id, c.placeCode(), c.payload(), c.checkIn(), c.checkOut(), c.autoCheckOut());
        }
    }

    @Override
    public void update(StoredCheckin c) {
        synchronized (storage) {
            db().update("checkin", times(c), "id = ?", new String[] {Long.toString(c.id())});
        }
    }

    private static ContentValues times(StoredCheckin c) {
        ContentValues v = new ContentValues();
        v.put("check_in", c.checkIn().toEpochMilli());
        if (c.checkOut() == null) {
            v.putNull("check_out");
        } else {
            v.put("check_out", c.checkOut().toEpochMilli());
        }
        return v;
    }

    @Override
    public Optional<StoredCheckin> find(long id) {
        List<StoredCheckin> l = query("WHERE id = ?", new String[] {Long.toString(id)});
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<StoredCheckin> all() {
        return query("ORDER BY check_in, id", null);
    }

    private List<StoredCheckin> query(String tail, String[] args) {
        synchronized (storage) {
            try (Cursor c = db().rawQuery("SELECT id, place_code, payload, check_in, check_out, auto_check_out FROM checkin "
                    + tail, args)) {
                List<StoredCheckin> out = new ArrayList<>();
                while (c.moveToNext()) {
                    Instant checkOut = c.isNull(4) ? null : Instant.ofEpochMilli(c.getLong(4));
                    out.add(new StoredCheckin(c.getLong(0), c.getString(1), c.getBlob(2),
                            Instant.ofEpochMilli(c.getLong(3)), checkOut, Instant.ofEpochMilli(c.getLong(5))));
                }
                return out;
            }
        }
    }

    @Override
    public boolean packageChecked(String name) {
        return exists("checkin_package", "name", name);
    }

    @Override
    public void markPackageChecked(String name, Instant at) {
        insertOrIgnore("checkin_package", "name", name, at);
    }

    @Override
    public boolean markWarned(String key, Instant at) {
        return insertOrIgnore("checkin_warned", "k", key, at);
    }

    @Override
    public boolean warned(String key) {
        return exists("checkin_warned", "k", key);
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        String[] t = {Long.toString(cutoff.toEpochMilli())};
        synchronized (storage) {
            // CAST: a bound argument is text, and the column holds integers.
            db().delete("checkin_package", "at < CAST(? AS INTEGER)", t);
            db().delete("checkin_warned", "at < CAST(? AS INTEGER)", t);
            return db().delete("checkin", "check_in < CAST(? AS INTEGER)", t);
        }
    }

    private boolean exists(String table, String column, String value) {
        synchronized (storage) {
            try (Cursor c = db().rawQuery("SELECT 1 FROM " + table + " WHERE " + column + " = ?", new String[] {value})) {
                return c.moveToNext();
            }
        }
    }

    private boolean insertOrIgnore(String table, String column, String value, Instant at) {
        ContentValues v = new ContentValues();
        v.put(column, value);
        v.put("at", at.toEpochMilli());
        synchronized (storage) {
            return db().insertWithOnConflict(table, null, v, SQLiteDatabase.CONFLICT_IGNORE) != -1;
        }
    }
}
