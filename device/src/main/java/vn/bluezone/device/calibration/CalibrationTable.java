package vn.bluezone.device.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The per-model calibration table shipped with the engine ({@code en-calibration.csv}, 73 models from a 2020-12-14
 * revision of Google's public Exposure Notification calibration list; see the file header for the source), backed
 * by Google's whole public list ({@link PublicCalibrationList}). Lookup: the exact model in the table
 * (case-insensitive, by model name, then by device code); else the model in the whole list; otherwise the average
 * of the manufacturer's models (table, else list); otherwise the average of the table, as microG does.
 */
public final class CalibrationTable {
    private static final String RESOURCE = "/vn/bluezone/device/calibration/en-calibration.csv";
    private static volatile CalibrationTable shipped;

    private final List<DeviceCalibration> rows;
    private final DeviceCalibration fallback;
    private final PublicCalibrationList publicList;

    private CalibrationTable(List<DeviceCalibration> rows, PublicCalibrationList publicList) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("calibration table has no rows");
        }
        this.rows = List.copyOf(rows);
        this.fallback = average("unknown", "unknown", "unknown", this.rows, 0, DeviceCalibration.Match.DEFAULT);
        this.publicList = publicList;
    }

    /** The table shipped in the engine's resources. */
    public static CalibrationTable shipped() {
        CalibrationTable t = shipped;
        if (t == null) {
            try (InputStream in = CalibrationTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("calibration table resource missing: " + RESOURCE);
                }
                t = parse(in).withPublicList(PublicCalibrationList.shipped());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = t;
        }
        return t;
    }

    /**
     * Reads a table in Google's column layout {@code manufacturer,device,model,rssi_correction,tx,
     * calibration_confidence}; lines starting with '#' are comments. Bad rows are errors with their line number.
     */
    public static CalibrationTable parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<DeviceCalibration> rows = new ArrayList<>();
        String line;
        int lineNo = 0;
        boolean header = false;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split(",", -1);
            if (!header) {
                if (!trimmed.equals("manufacturer,device,model,rssi_correction,tx,calibration_confidence")) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected the header"
                            + " manufacturer,device,model,rssi_correction,tx,calibration_confidence");
                }
                header = true;
                continue;
            }
            if (f.length != 6) {
                throw new IllegalArgumentException("line " + lineNo + ": expected 6 columns, found " + f.length);
            }
            try {
                rows.add(new DeviceCalibration(f[0].strip(), f[1].strip(), f[2].strip(),
                        Integer.parseInt(f[3].strip()), Integer.parseInt(f[4].strip()),
                        Integer.parseInt(f[5].strip()), DeviceCalibration.Match.EXACT_MODEL));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new CalibrationTable(rows, null);
    }

    /** This table backed by a whole public list for models the table does not have. */
    public CalibrationTable withPublicList(PublicCalibrationList list) {
        return new CalibrationTable(rows, list);
    }

    public List<DeviceCalibration> rows() {
        return rows;
    }

    /** The calibration for a phone that reports this manufacturer and model (Android Build.MANUFACTURER/MODEL). */
    public DeviceCalibration lookup(String manufacturer, String model) {
        String m = norm(manufacturer);
        String mo = norm(model);
        for (DeviceCalibration r : rows) {
            if (norm(r.model()).equals(mo) && (m.isEmpty() || norm(r.manufacturer()).equals(m))) {
                return r;
            }
        }
        for (DeviceCalibration r : rows) {
            if (norm(r.device()).equals(mo) || norm(r.model()).equals(mo)) {
                return r;
            }
        }
        if (publicList != null) {
            DeviceCalibration listed = publicList.find(manufacturer, model);
            if (listed != null) {
                return listed;
            }
        }
        List<DeviceCalibration> sameMaker = rows.stream().filter(r -> norm(r.manufacturer()).equals(m)).toList();
        if (sameMaker.isEmpty() && publicList != null) {
            sameMaker = publicList.ofManufacturer(manufacturer);
        }
        if (!sameMaker.isEmpty()) {
            return average(manufacturer, model, model, sameMaker, 2, DeviceCalibration.Match.MANUFACTURER_AVERAGE);
        }
        return new DeviceCalibration(Objects.toString(manufacturer, "unknown"), Objects.toString(model, "unknown"),
                Objects.toString(model, "unknown"), fallback.rssiCorrection(), fallback.txPower(), 0,
                DeviceCalibration.Match.DEFAULT);
    }

    /** The default used for phones not in the table (table averages). */
    public DeviceCalibration fallback() {
        return fallback;
    }

    private static DeviceCalibration average(String manufacturer, String device, String model,
                                             List<DeviceCalibration> rows, int confidence,
                                             DeviceCalibration.Match match) {
        double rssi = rows.stream().mapToInt(DeviceCalibration::rssiCorrection).average().orElseThrow();
        double tx = rows.stream().mapToInt(DeviceCalibration::txPower).average().orElseThrow();
        return new DeviceCalibration(manufacturer, device, model, (int) Math.round(rssi), (int) Math.round(tx),
                confidence, match);
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
