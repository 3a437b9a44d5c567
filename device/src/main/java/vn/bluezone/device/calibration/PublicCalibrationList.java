package vn.bluezone.device.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Google's whole public per-model calibration list (resource {@code en-calibration-2020-06-13.csv}, 9,896 models,
 * columns as Google published them: oem, model, rssi correction, tx, has direct measurement). The curated table
 * ({@link CalibrationTable}) was taken from a later revision for 73 models; this list covers the rest, so common
 * phones such as the Pixel 2 are found instead of falling back to an average that can be several dB off.
 * Confidence: 3 when Google measured the model directly, 2 when Google estimated it.
 */
public final class PublicCalibrationList {
    static final String RESOURCE = "/vn/bluezone/device/calibration/en-calibration-2020-06-13.csv";
    static final String HEADER = "oem,model,rssi correction (android rssi + rssi correction = iphone rssi),"
            + "tx (as iphone would report for same power),has direct measurement";
    private static volatile PublicCalibrationList shipped;

    private final List<DeviceCalibration> rows;
    private final Map<String, DeviceCalibration> byMakerAndModel = new HashMap<>();
    private final Map<String, DeviceCalibration> byModel = new HashMap<>();

    private PublicCalibrationList(List<DeviceCalibration> rows) {
        this.rows = List.copyOf(rows);
        for (DeviceCalibration r : this.rows) {
            byMakerAndModel.putIfAbsent(norm(r.manufacturer()) + "\u0000" + norm(r.model()), r);
            byModel.putIfAbsent(norm(r.model()), r);
        }
    }

    /** The list shipped in the engine's resources. */
    public static PublicCalibrationList shipped() {
        PublicCalibrationList l = shipped;
        if (l == null) {
            try (InputStream in = PublicCalibrationList.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("calibration list resource missing: " + RESOURCE);
                }
                l = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = l;
        }
        return l;
    }

    /** Reads a list in Google's layout; '#' lines are comments; a bad row is an error with its line number. */
    public static PublicCalibrationList parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<DeviceCalibration> rows = new ArrayList<>();
        boolean header = false;
        int lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!t.equals(HEADER)) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected Google's header " + HEADER);
                }
                header = true;
                continue;
            }
            String[] f = t.split(",", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("line " + lineNo + ": expected 5 columns, found " + f.length);
            }
            String measured = f[4].strip();
            if (!measured.equals("yes") && !measured.equals("no")) {
                throw new IllegalArgumentException("line " + lineNo + ": has direct measurement must be yes or no");
            }
            try {
                rows.add(new DeviceCalibration(f[0].strip(), f[1].strip(), f[1].strip(),
                        Integer.parseInt(f[2].strip()), Integer.parseInt(f[3].strip()),
                        measured.equals("yes") ? 3 : 2, DeviceCalibration.Match.EXACT_MODEL));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("calibration list has no rows");
        }
        return new PublicCalibrationList(rows);
    }

    public List<DeviceCalibration> rows() {
        return rows;
    }

    /** The listed model (maker and model, case-insensitive; else the model alone), or null. */
    public DeviceCalibration find(String manufacturer, String model) {
        DeviceCalibration r = byMakerAndModel.get(norm(manufacturer) + "\u0000" + norm(model));
        return r != null ? r : byModel.get(norm(model));
    }

    /** The listed models of one maker (case-insensitive). */
    public List<DeviceCalibration> ofManufacturer(String manufacturer) {
        String m = norm(manufacturer);
        return rows.stream().filter(r -> norm(r.manufacturer()).equals(m)).toList();
    }

    static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
