package vn.bluezone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/** Reads the key CSV, reporting every bad row by its line number (the header is line 1). */
final class KeyCsv {
    static final List<String> COLUMNS = List.of("key_hex", "rolling_start_interval", "rolling_period",
            "transmission_risk", "report_type", "days_since_onset");
    private static final int MAX_REPORTED = 20;
    private static final CSVFormat ROW = CSVFormat.RFC4180;

    private KeyCsv() {
    }

    static List<TemporaryExposureKey> read(Path csv, PrintWriter err) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("no such file: " + csv);
        } catch (IOException e) {
            throw new CliException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        int headerAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) {
            throw new CliException(csv + " is empty; expected the header row " + String.join(",", COLUMNS));
        }
        List<String> header = new ArrayList<>();
        try {
            for (String h : fields(lines.get(headerAt).replace("\uFEFF", ""))) {
                header.add(h.trim().toLowerCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            header.clear(); // reported below as a wrong header, with its line
        }
        if (!header.equals(COLUMNS)) {
            throw new CliException(csv + " line " + (headerAt + 1) + ": the header row must be "
                    + String.join(",", COLUMNS) + ", got " + lines.get(headerAt).trim());
        }
        List<TemporaryExposureKey> keys = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = headerAt + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            try {
                TemporaryExposureKey k = parseRow(line);
                Integer first = seen.putIfAbsent(k.keyHex(), lineNo);
                if (first != null) {
                    throw new IllegalArgumentException("key_hex " + k.keyHex() + " repeats line " + first);
                }
                keys.add(k);
            } catch (IllegalArgumentException e) {
                errors.add(csv + " line " + lineNo + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            for (int i = 0; i < Math.min(MAX_REPORTED, errors.size()); i++) {
                err.println("error: " + errors.get(i));
            }
            if (errors.size() > MAX_REPORTED) {
                err.println("error: ... and " + (errors.size() - MAX_REPORTED) + " more bad rows");
            }
            err.flush();
            throw new CliException(csv + ": " + errors.size() + (errors.size() == 1 ? " bad row" : " bad rows")
                    + " (listed above); nothing written");
        }
        if (keys.isEmpty()) {
            throw new CliException(csv + " has a header but no key rows");
        }
        return keys;
    }

    /**
     * The fields of one row (RFC 4180 by Apache Commons CSV: quoted fields, "" escapes). Rows are read one
     * physical line at a time so that every error names the line a spreadsheet shows.
     */
    static String[] fields(String line) {
        try (CSVParser p = CSVParser.parse(line, ROW)) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? new String[] {""} : records.get(0).values();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("not a CSV row: a quoted field is not closed, or text follows its "
                    + "closing quote");
        }
    }

    static TemporaryExposureKey parseRow(String line) {
        String[] f = fields(line);
        if (f.length != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " columns, found " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        String hex = f[0];
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("key_hex must be 32 hex digits (16 bytes), got '" + hex + "'"
                    + (hex.length() != 32 ? " (" + hex.length() + " characters)" : ""));
        }
        int startInterval = integer("rolling_start_interval", f[1], null, 0, Integer.MAX_VALUE);
        int period = integer("rolling_period", f[2], 144, 1, 144);
        int risk = integer("transmission_risk", f[3], 0, 0, 8);
        ReportType type = reportType(f[4]);
        Integer onset = f[5].isEmpty() ? null : integer("days_since_onset", f[5], null, -14, 14);
        return new TemporaryExposureKey(HexFormat.of().parseHex(hex), startInterval, period, risk, type, onset);
    }

    private static int integer(String column, String value, Integer whenEmpty, int min, int max) {
        if (value.isEmpty()) {
            if (whenEmpty == null) {
                throw new IllegalArgumentException(column + " is empty");
            }
            return whenEmpty;
        }
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a whole number, got '" + value + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(column + " must be " + min + ".." + max + ", got " + value);
        }
        return (int) v;
    }

    private static ReportType reportType(String value) {
        if (value.isEmpty()) {
            return ReportType.UNKNOWN;
        }
        if (value.matches("-?\\d+")) {
            try {
                return ReportType.ofCode(Integer.parseInt(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("report_type must be 0..5 or a name, got " + value);
            }
        }
        try {
            return ReportType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("report_type must be one of " + List.of(ReportType.values())
                    + " or 0..5, got '" + value + "'");
        }
    }
}
