package vn.bluezone.android.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import android.content.ContentValues;
import android.content.Context;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteOpenHelper;
import android.database.sqlite.SQLiteStatement;

import vn.bluezone.device.checkin.CheckinSchema;
import vn.bluezone.device.store.DeviceSchema;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.device.store.PurgeResult;
import vn.bluezone.device.store.ScanRecord;
import vn.bluezone.device.store.Sighting;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * The engine's {@link DeviceStorage} on {@code android.database.sqlite}: the same tables and queries as the
 * engine's {@code SqliteDeviceStorage} (which needs sqlite-jdbc's native library, absent on Android). Upserts are
 * an UPDATE then an INSERT because Android 8's SQLite (3.18) has no {@code ON CONFLICT DO UPDATE}. The app's own
 * tables (warnings shown, {@link WarningJournal}) live in the same file so that "delete all data" is one file.
 * Query arguments reach SQLite as text; where they meet an expression (which has no column affinity to convert
 * them) they are cast to integers, or {@code a + b > '123'} would compare a number with text.
 */
public final class AndroidDeviceStorage implements DeviceStorage {
    public static final String FILE_NAME = "bluezone.db";
    /** The engine's tables, its check-ins' ({@link AndroidCheckinStore}) and the app's warning journal, in one file. */
    static final String[] SCHEMA = Stream.of(DeviceSchema.TABLES.stream(), CheckinSchema.TABLES.stream(),
            Stream.of(WarningJournal.SCHEMA)).flatMap(s -> s).toArray(String[]::new);
    /** 2: check-ins added (an upgrade from 1 creates their tables; every statement is IF NOT EXISTS). */
    private static final int VERSION = 2;

    private final SQLiteOpenHelper helper;
    private final SQLiteDatabase db;

    private AndroidDeviceStorage(Context context, String name) {
        this.helper = new SQLiteOpenHelper(context, name, null, VERSION) {
            @Override
            public void onConfigure(SQLiteDatabase db) {
                db.enableWriteAheadLogging();
            }

            @Override
            public void onCreate(SQLiteDatabase db) {
                for (String ddl : SCHEMA) {
                    db.execSQL(ddl);
                }
            }

            @Override
            public void onUpgrade(SQLiteDatabase db, int oldVersion, int newVersion) {
                onCreate(db);
            }
        };
        this.db = helper.getWritableDatabase();
    }

    /** The phone's database file in the app's private storage. */
    public static AndroidDeviceStorage open(Context context) {
        return new AndroidDeviceStorage(context, FILE_NAME);
    }

    /** A database of the given file name (tests: one per phone). */
    public static AndroidDeviceStorage open(Context context, String fileName) {
        return new AndroidDeviceStorage(context, fileName);
    }

    SQLiteDatabase database() {
        return db;
    }

    @Override
    public synchronized void saveKey(TemporaryExposureKey key) {
        SQLiteStatement up = db.compileStatement(
                "UPDATE own_key SET rolling_start = ?, rolling_period = ? WHERE key_data = ?");
        up.bindLong(1, key.rollingStartIntervalNumber());
        up.bindLong(2, key.rollingPeriod());
        up.bindBlob(3, key.keyData());
        if (up.executeUpdateDelete() == 0) {
            ContentValues v = new ContentValues();
            v.put("key_data", key.keyData());
            v.put("rolling_start", key.rollingStartIntervalNumber());
            v.put("rolling_period", key.rollingPeriod());
            db.insertOrThrow("own_key", null, v);
        }
    }

    @Override
    public synchronized List<TemporaryExposureKey> keysEndingAfter(long fromInterval) {
        return queryKeys("SELECT key_data, rolling_start, rolling_period FROM own_key"
                + " WHERE rolling_start + rolling_period > CAST(? AS INTEGER) ORDER BY rolling_start",
                String.valueOf(fromInterval));
    }

    @Override
    public synchronized Optional<TemporaryExposureKey> latestKey() {
        return queryKeys("SELECT key_data, rolling_start, rolling_period FROM own_key"
                + " ORDER BY rolling_start DESC, rowid DESC LIMIT 1").stream().findFirst();
    }

    private List<TemporaryExposureKey> queryKeys(String sql, String... args) {
        try (Cursor c = db.rawQuery(sql, args)) {
            List<TemporaryExposureKey> keys = new ArrayList<>();
            while (c.moveToNext()) {
                // Own keys carry no diagnosis metadata; the report flow sets it when uploading.
                keys.add(new TemporaryExposureKey(c.getBlob(0), c.getInt(1), c.getInt(2), 0, ReportType.UNKNOWN,
                        null));
            }
            return keys;
        }
    }

    @Override
    public synchronized long recordScan(Instant startedAt, Duration duration, List<SightingDraft> sightings) {
        db.beginTransaction();
        try {
            ContentValues scan = new ContentValues();
            scan.put("started_at", startedAt.toEpochMilli());
            scan.put("duration_ms", duration.toMillis());
            long scanId = db.insertOrThrow("scan", null, scan);
            SQLiteStatement ins = db.compileStatement("INSERT INTO sighting(scan_id, rpi, aem, rssi_typical,"
                    + " rssi_max, packets, seen_at) VALUES (?,?,?,?,?,?,?)");
            for (SightingDraft s : sightings) {
                ins.clearBindings();
                ins.bindLong(1, scanId);
                ins.bindBlob(2, s.rpi());
                ins.bindBlob(3, s.aem());
                ins.bindLong(4, s.rssiTypical());
                ins.bindLong(5, s.rssiMax());
                ins.bindLong(6, s.packets());
                ins.bindLong(7, startedAt.toEpochMilli());
                ins.executeInsert();
            }
            db.setTransactionSuccessful();
            return scanId;
        } finally {
            db.endTransaction();
        }
    }

    @Override
    public synchronized List<Sighting> sightingsBetween(Instant from, Instant to) {
        try (Cursor c = db.rawQuery("SELECT scan_id, rpi, aem, rssi_typical, rssi_max, packets, seen_at"
                + " FROM sighting WHERE seen_at >= ? AND seen_at < ? ORDER BY seen_at",
                new String[] {String.valueOf(from.toEpochMilli()), String.valueOf(to.toEpochMilli())})) {
            List<Sighting> out = new ArrayList<>(c.getCount());
            while (c.moveToNext()) {
                out.add(new Sighting(c.getLong(0), c.getBlob(1), c.getBlob(2), c.getInt(3), c.getInt(4), c.getInt(5),
                        Instant.ofEpochMilli(c.getLong(6))));
            }
            return out;
        }
    }

    @Override
    public synchronized List<ScanRecord> scansBetween(Instant from, Instant to) {
        try (Cursor c = db.rawQuery("SELECT id, started_at, duration_ms FROM scan"
                + " WHERE started_at >= ? AND started_at < ? ORDER BY started_at",
                new String[] {String.valueOf(from.toEpochMilli()), String.valueOf(to.toEpochMilli())})) {
            List<ScanRecord> out = new ArrayList<>();
            while (c.moveToNext()) {
                out.add(new ScanRecord(c.getLong(0), Instant.ofEpochMilli(c.getLong(1)),
                        Duration.ofMillis(c.getLong(2))));
            }
            return out;
        }
    }

    @Override
    public synchronized long sightingCount() {
        return db.compileStatement("SELECT COUNT(*) FROM sighting").simpleQueryForLong();
    }

    /** Days (UTC) with an own key still kept: what the home screen shows as "days of keys". */
    public synchronized int daysOfKeys() {
        return (int) db.compileStatement("SELECT COUNT(DISTINCT rolling_start / 144) FROM own_key")
                .simpleQueryForLong();
    }

    @Override
    public synchronized Set<String> processedExportFiles(String region) {
        try (Cursor c = db.rawQuery("SELECT name FROM export_file WHERE region = ?", new String[] {region})) {
            Set<String> out = new HashSet<>();
            while (c.moveToNext()) {
                out.add(c.getString(0));
            }
            return out;
        }
    }

    @Override
    public synchronized void markExportFileProcessed(String region, String fileName, Instant at) {
        ContentValues v = new ContentValues();
        v.put("region", region);
        v.put("name", fileName);
        v.put("processed_at", at.toEpochMilli());
        db.insertWithOnConflict("export_file", null, v, SQLiteDatabase.CONFLICT_REPLACE);
    }

    @Override
    public synchronized boolean recordWarningIfNew(String level, LocalDate contactDay, Instant at) {
        ContentValues v = new ContentValues();
        v.put("level", level);
        v.put("contact_day", contactDay.toString());
        v.put("issued_at", at.toEpochMilli());
        return db.insertWithOnConflict("warning", null, v, SQLiteDatabase.CONFLICT_IGNORE) != -1;
    }

    @Override
    public synchronized void saveMatchedKey(TemporaryExposureKey key, Instant matchedAt) {
        SQLiteStatement up = db.compileStatement("UPDATE matched_key SET rolling_start = ?, rolling_period = ?,"
                + " transmission_risk = ?, report_type = ?, days_since_onset = ? WHERE key_data = ?");
        up.bindLong(1, key.rollingStartIntervalNumber());
        up.bindLong(2, key.rollingPeriod());
        up.bindLong(3, key.transmissionRiskLevel());
        up.bindLong(4, key.reportType().code());
        if (key.daysSinceOnsetOfSymptoms() == null) {
            up.bindNull(5);
        } else {
            up.bindLong(5, key.daysSinceOnsetOfSymptoms());
        }
        up.bindBlob(6, key.keyData());
        if (up.executeUpdateDelete() == 0) {
            ContentValues v = new ContentValues();
            v.put("key_data", key.keyData());
            v.put("rolling_start", key.rollingStartIntervalNumber());
            v.put("rolling_period", key.rollingPeriod());
            v.put("transmission_risk", key.transmissionRiskLevel());
            v.put("report_type", key.reportType().code());
            v.put("days_since_onset", key.daysSinceOnsetOfSymptoms());
            v.put("matched_at", matchedAt.toEpochMilli());
            db.insertOrThrow("matched_key", null, v);
        }
    }

    @Override
    public synchronized List<TemporaryExposureKey> matchedKeys() {
        try (Cursor c = db.rawQuery("SELECT key_data, rolling_start, rolling_period, transmission_risk,"
                + " report_type, days_since_onset FROM matched_key ORDER BY rolling_start, rowid", null)) {
            List<TemporaryExposureKey> keys = new ArrayList<>();
            while (c.moveToNext()) {
                Integer days = c.isNull(5) ? null : c.getInt(5);
                keys.add(new TemporaryExposureKey(c.getBlob(0), c.getInt(1), c.getInt(2), c.getInt(3),
                        ReportType.ofCode(c.getInt(4)), days));
            }
            return keys;
        }
    }

    @Override
    public synchronized Optional<String> state(String name) {
        try (Cursor c = db.rawQuery("SELECT value FROM state WHERE name = ?", new String[] {name})) {
            return c.moveToNext() ? Optional.of(c.getString(0)) : Optional.empty();
        }
    }

    @Override
    public synchronized void setState(String name, String value) {
        ContentValues v = new ContentValues();
        v.put("name", name);
        v.put("value", value);
        db.insertWithOnConflict("state", null, v, SQLiteDatabase.CONFLICT_REPLACE);
    }

    @Override
    public synchronized PurgeResult purgeBefore(Instant cutoff) {
        String ms = String.valueOf(cutoff.toEpochMilli());
        String interval = String.valueOf(EnIntervalNumber.of(cutoff));
        db.beginTransaction();
        try {
            int sightings = db.delete("sighting", "seen_at < ?", new String[] {ms});
            int scans = db.delete("scan", "started_at < ?", new String[] {ms});
            // A key is old once its whole validity lies before the cutoff.
            String ended = "rolling_start + rolling_period <= CAST(? AS INTEGER)";
            int keys = db.delete("own_key", ended, new String[] {interval});
            int matched = db.delete("matched_key", ended, new String[] {interval});
            int warnings = db.delete("warning", "issued_at < ?", new String[] {ms});
            int files = db.delete("export_file", "processed_at < ?", new String[] {ms});
            db.delete(WarningJournal.TABLE, "shown_at < ?", new String[] {ms});
            db.setTransactionSuccessful();
            return new PurgeResult(sightings, scans, keys, matched, warnings, files);
        } finally {
            db.endTransaction();
        }
    }

    @Override
    public synchronized void close() {
        helper.close();
    }
}
