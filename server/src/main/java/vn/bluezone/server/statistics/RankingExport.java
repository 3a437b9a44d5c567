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
 * numbers (rates as fractions formatted as percentages) so officials can compute with them.
 */
@Component
public class RankingExport {
    private final MessageSource messages;

    public RankingExport(MessageSource messages) {
        this.messages = messages;
    }

    private List<String> header(Locale locale) {
        return List.of(m("stats.col.rank", locale), "code", m("stats.col.unit", locale), m("stats.installs", locale),
                m("stats.col.change1d", locale), m("stats.col.change7d", locale), m("stats.population", locale),
                m("stats.rate.population", locale), m("stats.phones", locale) + " / " + m("stats.subscribers", locale),
                m("stats.rate.phones", locale), m("stats.active1d", locale), m("stats.active7d", locale),
                m("stats.bluetooth", locale), m("stats.legend.floor", locale, ""), m("stats.legend.target", locale, ""));
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
        appendCsv(sb, new ArrayList<>(header(locale)));
        for (List<Object> r : rows(ranking, locale)) {
            appendCsv(sb, r);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendCsv(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : v.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }

    public byte[] xlsx(Ranking ranking, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(ranking.parent().code() + " " + ranking.parent().day());
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(ranking.parent().unit().fullName() + " · " + ranking.parent().day());
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
