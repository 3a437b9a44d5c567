package vn.bluezone.server.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A ranking as a table for spreadsheets: CSV (UTF-8 with BOM so Excel shows Vietnamese right) and XLSX with real
 * numbers (rates as fractions formatted as percentages) so officials can compute with them. Every header is in the
 * reader's language and says its figure (the floor and target percentages); titles carry the day as dd/mm/yyyy;
 * a Vietnamese CSV writes decimal commas with ';' between fields, as Excel set to Vietnamese reads it; and demo
 * figures are marked DEMO in the file itself, not only on the page (issue 13, field problem 6).
 */
@Component
public class RankingExport {
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/uuuu");
    private final MessageSource messages;
    private final StatisticsProperties properties;
    private final org.springframework.beans.factory.ObjectProvider<DemoDataSet> demo;

    public RankingExport(MessageSource messages, StatisticsProperties properties,
            org.springframework.beans.factory.ObjectProvider<DemoDataSet> demo) {
        this.messages = messages;
        this.properties = properties;
        this.demo = demo;
    }

    private boolean demo() {
        DemoDataSet d = demo.getIfAvailable();
        return d != null && d.isLoaded();
    }

    private static boolean vietnamese(Locale locale) {
        return !"en".equals(locale.getLanguage());
    }

    private static String percent(double share, Locale locale) {
        String s = String.format(Locale.ROOT, "%.1f%%", share * 100);
        return vietnamese(locale) ? s.replace('.', ',') : s;
    }

    /** "Xã Quảng Ngạn · 02/12/2026", with the DEMO mark when the figures are the demo's. */
    public String title(Ranking ranking, Locale locale) {
        String t = ranking.parent().unit().fullName() + " · " + DAY.format(ranking.parent().day());
        return demo() ? m("stats.export.demo", locale) + " · " + t : t;
    }

    private List<String> header(Locale locale) {
        return List.of(m("stats.col.rank", locale), m("stats.col.code", locale), m("stats.col.unit", locale), m("stats.installs", locale),
                m("stats.col.change1d", locale), m("stats.col.change7d", locale), m("stats.population", locale),
                m("stats.rate.population", locale), m("stats.phones", locale) + " / " + m("stats.subscribers", locale),
                m("stats.rate.phones", locale), m("stats.active1d", locale), m("stats.active7d", locale),
                m("stats.bluetooth", locale), m("stats.legend.floor", locale, percent(properties.floor(), locale)),
                m("stats.legend.target", locale, percent(properties.target(), locale)),
                m("stats.unattested", locale)); // last, so existing columns keep their places
    }

    private List<Object> row(int rank, UnitFigures f, String name) {
        List<Object> r = new ArrayList<>();
        r.add(rank == 0 ? null : rank);
        r.add(f.code());
        r.add(name);
        r.add(f.installs());
        r.add(f.changeSinceYesterday());
        r.add(f.changeSinceWeekAgo());
        r.add(f.population());
        r.add(f.populationRate());
        r.add(f.phoneBase());
        r.add(f.phoneRate());
        r.add(f.active1d());
        r.add(f.active7d());
        r.add(f.bluetoothShare());
        r.add(f.underFloor() ? "x" : null);
        r.add(f.underTarget() ? "x" : null);
        r.add(f.unattestedInstalls());
        return r;
    }

    private List<List<Object>> rows(Ranking ranking, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        int rank = 0;
        for (UnitFigures f : ranking.children()) {
            rows.add(row(++rank, f, f.unit().fullName()));
        }
        if (ranking.unassigned() != null) {
            rows.add(row(0, ranking.unassigned(), unassignedLabel(ranking, locale)));
        }
        rows.add(row(0, ranking.parent(), ranking.parent().unit().fullName()));
        return rows;
    }

    public String unassignedLabel(Ranking ranking, Locale locale) {
        String level = ranking.parent().unit().level().name();
        String key = level.equals("NATION") ? "stats.unassigned.VN"
                : level.equals("COMMUNE") ? "stats.unassigned.COMMUNE" : "stats.unassigned";
        return m(key, locale);
    }

    public byte[] csv(Ranking ranking, Locale locale) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        char sep = vietnamese(locale) ? ';' : ',';
        if (demo()) {
            appendCsv(sb, List.of(title(ranking, locale)), sep, locale);
        }
        appendCsv(sb, new ArrayList<>(header(locale)), sep, locale);
        for (List<Object> r : rows(ranking, locale)) {
            appendCsv(sb, r, sep, locale);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendCsv(StringBuilder sb, List<?> values, char sep, Locale locale) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            Object v = values.get(i);
            String s = v == null ? "" : v instanceof Double d ? percent(d, locale) : v.toString();
            if (s.indexOf(sep) >= 0 || s.contains("\"") || s.contains("\n")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }

    public byte[] xlsx(Ranking ranking, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // Sheet names may not hold '/': the day as dd-mm-yyyy there.
            String sheetName = (demo() ? "DEMO " : "") + DAY.format(ranking.parent().day()).replace('/', '-') + " "
                    + ranking.parent().unit().fullName().replaceAll("[\\\\/?*\\[\\]:]", " ");
            Sheet sheet = wb.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(title(ranking, locale));
            title.getCell(0).setCellStyle(bold);
            Row head = sheet.createRow(1);
            List<String> h = header(locale);
            for (int c = 0; c < h.size(); c++) {
                head.createCell(c).setCellValue(h.get(c));
                head.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (List<Object> values : rows(ranking, locale)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (v instanceof Double d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(percent);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(integer);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            sheet.createFreezePane(3, 2);
            for (int c = 0; c < h.size(); c++) {
                sheet.setColumnWidth(c, c == 2 ? 32 * 256 : 14 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write XLSX", e);
        }
    }

    private String m(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
