package vn.bluezone.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DenominatorImportTest extends RegistryTestSupport {
    @Autowired
    DenominatorImport importer;
    @Autowired
    Denominators denominators;
    @Autowired
    AdministrativeUnits units;
    @Autowired
    JdbcTemplate jdbc;

    final Predicate<String> quangDien = code -> units.contains("477", code);

    long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM denominator", Long.class);
    }

    @Test
    void importsCsvWithVietnameseHeadersAndGroupedNumbers() {
        String csv = "ma_don_vi,ten,ngay,dan_so,so_ho,thue_bao,smartphone,nguon\n"
                + "19882,Xã Quảng Phước,2021-01-01,\"9.870\",2500,,,Commune census 2021\n"
                + "19885,Xã Quảng An,31/12/2020,12345,,11000,8000,\n";
        int n = importer.importFile("figures.csv", csv.getBytes(StandardCharsets.UTF_8), "tester", quangDien);
        assertEquals(5, n);
        Map<DenominatorKind, Long> f = denominators.inForce(List.of("19882"), LocalDate.of(2021, 6, 1)).get("19882");
        assertEquals(9870L, f.get(DenominatorKind.POPULATION));
        assertEquals(2500L, f.get(DenominatorKind.HOUSEHOLDS));
        assertEquals(8000L, denominators.inForce(List.of("19885"), LocalDate.of(2021, 1, 1)).get("19885")
                .get(DenominatorKind.SMARTPHONE_USERS));
        // before the as-of date the figure is not in force
        assertTrue(denominators.inForce(List.of("19882"), LocalDate.of(2020, 12, 31)).isEmpty());
    }

    @Test
    void badRowsAreAllReportedWithRowNumbersAndNothingIsImported() {
        long before = rows();
        String csv = "unit_code,as_of,population,households,mobile_subscribers,smartphone_users,source\n"
                + "19888,2021-02-01,5000,,,,ok row\n"          // row 2: fine
                + "99999,2021-02-01,5000,,,,\n"                  // row 3: unknown unit
                + "19888,2021-02-30,5000,,,,\n"                  // row 4: no such date
                + "19888,2021-03-01,-5,,,,\n"                    // row 5: negative
                + "00001,2021-03-01,5000,,,,\n"                  // row 6: Hà Nội commune, outside Quảng Điền
                + "19888,2999-01-01,5000,,,,\n"                  // row 7: future
                + "19888,2021-04-01,,,,,\n"                      // row 8: no figure
                + "19888,2021-02-01,5100,,,,\n"                  // row 9: same unit and date as row 2
                + "19888,2021-05-01,12 nghìn,,,,\n";             // row 10: not a number
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> importer.importFile("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "tester", quangDien));
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10), e.problems().stream().map(ImportProblem::row).toList());
        assertEquals(List.of("UNKNOWN_UNIT", "BAD_DATE", "BAD_NUMBER", "OUT_OF_SCOPE", "FUTURE_DATE", "NO_FIGURES",
                "DUPLICATE_ROW", "BAD_NUMBER"), e.problems().stream().map(ImportProblem::code).toList());
        assertTrue(e.problems().get(0).message().startsWith("Row 3: "), e.problems().get(0).message());
        assertEquals("IMPORT_REJECTED", e.code());
        assertEquals(before, rows(), "nothing may be half-imported");
    }

    @Test
    void unknownAndMissingColumnsAreRejected() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importer.importFile("x.csv",
                "unit_code,populaton\n19888,5\n".getBytes(StandardCharsets.UTF_8), "t", quangDien));
        assertEquals(List.of("UNKNOWN_COLUMN", "MISSING_COLUMN"), e.problems().stream().map(ImportProblem::code).toList());
        assertEquals(1, e.problems().get(0).row());
        assertEquals("EMPTY_FILE", assertThrows(ImportRejectedException.class, () -> importer.importFile("x.csv",
                new byte[0], "t", quangDien)).problems().get(0).code());
        assertEquals("UNREADABLE_FILE", assertThrows(ImportRejectedException.class, () -> importer.importFile("x.xlsx",
                "not a workbook".getBytes(StandardCharsets.UTF_8), "t", quangDien)).problems().get(0).code());
    }

    @Test
    void importsXlsxWithDateCellsAndReportsExcelRowNumbers() throws Exception {
        long before = rows();
        byte[] good = workbook(new Object[][] {
                {"unit_code", "as_of", "population", "smartphone_users"},
                {"19891", LocalDate.of(2021, 3, 1), 7000, 4100},
                {"477", "2021-03-01", 81000, null}});
        assertEquals(3, importer.importFile("good.xlsx", good, "tester", quangDien));
        assertEquals(before + 3, rows());
        assertEquals(81000L, denominators.inForce(List.of("477"), LocalDate.of(2021, 3, 2)).get("477")
                .get(DenominatorKind.POPULATION));

        byte[] bad = workbook(new Object[][] {
                {"unit_code", "as_of", "population"},
                {"19891", LocalDate.of(2021, 4, 1), 7100},
                {"19891", "yesterday", 7200}});
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> importer.importFile("bad.xlsx", bad, "tester", quangDien));
        assertEquals(3, e.problems().get(0).row());
        assertEquals("BAD_DATE", e.problems().get(0).code());
        assertEquals(before + 3, rows());
    }

    @Test
    void historyIsKeptAndTheLatestFigureAtOrBeforeTheDayIsInForce() {
        Predicate<String> all = c -> true;
        denominators.record(List.of(new NewFigure("19894", DenominatorKind.POPULATION, 1000, LocalDate.of(2020, 1, 1), "a")), "t", all);
        denominators.record(List.of(new NewFigure("19894", DenominatorKind.POPULATION, 1200, LocalDate.of(2021, 1, 1), "b")), "t", all);
        denominators.record(List.of(new NewFigure("19894", DenominatorKind.POPULATION, 1100, LocalDate.of(2020, 6, 1), "c")), "t", all);
        assertEquals(3, denominators.history("19894").size());
        assertEquals(1000L, pop("19894", LocalDate.of(2020, 5, 31)));
        assertEquals(1100L, pop("19894", LocalDate.of(2020, 12, 31)));
        assertEquals(1200L, pop("19894", LocalDate.of(2021, 1, 1)));
    }

    @Test
    void censusPopulationShipsWithTheProduct() {
        assertEquals(1128620L, pop("46", LocalDate.of(2020, 8, 1)));
        assertEquals(96208984L, pop("VN", LocalDate.of(2020, 8, 1)));
        assertTrue(denominators.inForce(List.of("46"), LocalDate.of(2019, 3, 31)).isEmpty());
    }

    private long pop(String code, LocalDate day) {
        return denominators.inForce(List.of(code), day).get(code).get(DenominatorKind.POPULATION);
    }

    static byte[] workbook(Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("data");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        var cell = row.createCell(c);
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
