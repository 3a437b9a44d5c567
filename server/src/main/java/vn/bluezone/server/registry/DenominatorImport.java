package vn.bluezone.server.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.VietnameseText;

/**
 * Imports denominators from CSV or XLSX, one row per unit and as-of date:
 * {@code unit_code, as_of, population, households, mobile_subscribers, smartphone_users, source} (Vietnamese
 * headers accepted too, e.g. ma_don_vi, ngay, dan_so, so_ho, thue_bao, smartphone, nguon; unit_name/ten ignored).
 * Every row is checked first; one bad row rejects the whole file, listing every problem with its row number.
 */
@Service
public class DenominatorImport {
    public static final int MAX_ROWS = 20_000;
    private static final Pattern PLAIN = Pattern.compile("\\d{1,15}");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,]\\d{3})+");

    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        alias("unit_code", "unit_code", "code", "ma", "ma_don_vi", "ma_dv");
        alias("as_of", "as_of", "date", "ngay", "ngay_so_lieu");
        alias("POPULATION", "population", "dan_so");
        alias("HOUSEHOLDS", "households", "ho_gia_dinh", "so_ho");
        alias("MOBILE_SUBSCRIBERS", "mobile_subscribers", "subscribers", "thue_bao", "thue_bao_di_dong");
        alias("SMARTPHONE_USERS", "smartphone_users", "smartphone", "nguoi_dung_smartphone");
        alias("source", "source", "nguon");
        alias("ignored", "unit_name", "name", "ten", "ten_don_vi");
    }

    private static void alias(String column, String... names) {
        for (String n : names) {
            COLUMNS.put(n, column);
        }
    }

    private final Denominators denominators;
    private final AdministrativeUnits units;
    private final RegistryClock clock;

    public DenominatorImport(Denominators denominators, AdministrativeUnits units, RegistryClock clock) {
        this.denominators = denominators;
        this.units = units;
        this.clock = clock;
    }

    /** A row as read: its spreadsheet row number and the cell texts by header. */
    record RawRow(int row, List<String> cells) {
    }

    /** Imports a file (XLSX when the name ends with .xlsx or the bytes are a ZIP, CSV otherwise). */
    public int importFile(String filename, byte[] content, String actor, Predicate<String> inScope) {
        boolean xlsx = (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
                || (content.length > 3 && content[0] == 'P' && content[1] == 'K');
        List<RawRow> rows;
        try {
            rows = xlsx ? readXlsx(content) : readCsv(content);
        } catch (IOException | RuntimeException e) {
            throw new ImportRejectedException(List.of(new ImportProblem(0, null, ErrorCode.UNREADABLE_FILE.name(),
                    "The file could not be read as " + (xlsx ? "XLSX" : "CSV (UTF-8)") + ": " + e.getMessage())));
        }
        List<NewFigure> figures = validate(rows, inScope);
        denominators.record(figures, actor, inScope);
        return figures.size();
    }

    static List<RawRow> readCsv(byte[] content) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        for (CsvReader.Record r : CsvReader.read(new InputStreamReader(
                new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            rows.add(new RawRow(r.line(), r.fields()));
        }
        return rows;
    }

    static List<RawRow> readXlsx(byte[] content) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (InputStream in = new java.io.ByteArrayInputStream(content); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    rows.add(new RawRow(row.getRowNum() + 1, cells));
                }
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double v = cell.getNumericCellValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
        return formatter.formatCellValue(cell);
    }

    List<NewFigure> validate(List<RawRow> rows, Predicate<String> inScope) {
        List<ImportProblem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            throw new ImportRejectedException(List.of(new ImportProblem(1, null, ErrorCode.EMPTY_FILE.name(),
                    "The file is empty: the first row must name the columns")));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new ImportRejectedException(List.of(new ImportProblem(rows.get(MAX_ROWS + 1).row(), null,
                    ErrorCode.TOO_MANY_ROWS.name(), "At most " + MAX_ROWS + " rows per file")));
        }
        RawRow header = rows.get(0);
        Map<Integer, String> columns = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String raw = header.cells().get(i);
            if (raw.isBlank()) {
                continue;
            }
            String name = VietnameseText.fold(raw).replace(' ', '_').replace('-', '_');
            String column = COLUMNS.get(name);
            if (column == null) {
                problems.add(new ImportProblem(header.row(), raw, ErrorCode.UNKNOWN_COLUMN.name(), "Row " + header.row()
                        + ": unknown column '" + raw + "' (expected unit_code, as_of, population, households, "
                        + "mobile_subscribers, smartphone_users, source)", raw));
            } else {
                columns.put(i, column);
            }
        }
        for (String required : List.of("unit_code", "as_of")) {
            if (!columns.containsValue(required)) {
                problems.add(new ImportProblem(header.row(), required, ErrorCode.MISSING_COLUMN.name(),
                        "Row " + header.row() + ": the column '" + required + "' is missing", required));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        List<NewFigure> figures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LocalDate today = clock.today();
        for (RawRow r : rows.subList(1, rows.size())) {
            Map<String, String> v = new HashMap<>();
            columns.forEach((i, col) -> v.put(col, i < r.cells().size() ? r.cells().get(i).trim() : ""));
            int before = problems.size();
            String code = v.get("unit_code");
            if (code.isEmpty() || units.find(code).isEmpty()) {
                problems.add(problem(r, "unit_code", code, ErrorCode.UNKNOWN_UNIT, code.isEmpty() ? "the unit code is empty"
                        : "no administrative unit or village has code '" + code + "'"));
            } else if (!inScope.test(code)) {
                problems.add(problem(r, "unit_code", code, ErrorCode.OUT_OF_SCOPE, "unit " + code + " is outside your area"));
            }
            LocalDate asOf = parseDate(v.get("as_of"));
            if (asOf == null) {
                problems.add(problem(r, "as_of", v.get("as_of"), ErrorCode.BAD_DATE, "'" + v.get("as_of")
                        + "' is not a date (use 2024-01-31 or 31/01/2024)"));
            } else if (asOf.isAfter(today)) {
                problems.add(problem(r, "as_of", v.get("as_of"), ErrorCode.FUTURE_DATE, "the date " + asOf + " is in the future"));
            }
            String source = v.getOrDefault("source", "");
            if (source.length() > 1000) {
                problems.add(problem(r, "source", null, ErrorCode.BAD_SOURCE, "the source is longer than 1000 characters"));
            }
            List<NewFigure> rowFigures = new ArrayList<>();
            for (DenominatorKind kind : DenominatorKind.values()) {
                String text = v.get(kind.name());
                if (text == null || text.isEmpty()) {
                    continue;
                }
                Long amount = parseAmount(text);
                if (amount == null) {
                    problems.add(problem(r, kind.name().toLowerCase(Locale.ROOT), text, ErrorCode.BAD_NUMBER, "'" + text
                            + "' in " + kind.name().toLowerCase(Locale.ROOT) + " is not a whole number of 0 or more"));
                } else if (asOf != null) {
                    rowFigures.add(new NewFigure(code, kind, amount, asOf,
                            VietnameseText.nfc(source.isEmpty() ? "import" : source)));
                }
            }
            if (problems.size() == before && rowFigures.isEmpty()) {
                problems.add(problem(r, null, null, ErrorCode.NO_FIGURES, "the row has no figure (population, households, "
                        + "mobile_subscribers or smartphone_users)"));
            }
            if (problems.size() == before && !seen.add(code + "@" + asOf)) {
                problems.add(problem(r, "unit_code", code, ErrorCode.DUPLICATE_ROW, "unit " + code + " on " + asOf
                        + " appears twice in the file"));
            }
            figures.addAll(rowFigures);
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        if (figures.isEmpty()) {
            throw new ImportRejectedException(List.of(new ImportProblem(header.row() + 1, null, ErrorCode.EMPTY_FILE.name(),
                    "The file has a header but no data rows")));
        }
        return figures;
    }

    private static ImportProblem problem(RawRow r, String column, String value, ErrorCode code, String detail) {
        return new ImportProblem(r.row(), column, code.name(), "Row " + r.row() + ": " + detail, value);
    }

    public static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        // Strict: 31/11/2026 is a bad row, not 30/11/2026.
        return vn.bluezone.server.web.Dates.parse(s).orElse(null);
    }

    /** Whole numbers, optionally grouped by thousands with '.' or ',' (1.234.567 as written in Vietnam). */
    public static Long parseAmount(String s) {
        String t = s.replace(" ", "").replace("\u00a0", "");
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(".", "").replace(",", "");
        }
        if (!PLAIN.matcher(t).matches()) {
            return null;
        }
        return Long.parseLong(t);
    }
}
