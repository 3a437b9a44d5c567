package vn.bluezone.server.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 reading: comma or semicolon separated (Vietnamese Excel often saves with ';'), quoted cells with
 * doubled quotes, a UTF-8 BOM ignored. One list of cells per physical line; quoted line breaks are not supported
 * (an address on two lines is an input error the row message points at).
 */
public final class CsvLines {
    private CsvLines() {
    }

    public static List<List<String>> parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = t.split("\r?\n", -1);
        char sep = lines.length > 0 && count(lines[0], ';') > count(lines[0], ',') ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(cells(line, sep));
        }
        // A trailing newline leaves one empty line at the end: not a row.
        while (!rows.isEmpty() && rows.get(rows.size() - 1).size() == 1 && rows.get(rows.size() - 1).get(0).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    static List<String> cells(String line, char sep) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    /** Lower case without diacritics (đ → d), for matching names and headers typed any way. */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String d = java.text.Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
