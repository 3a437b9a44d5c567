package vn.bluezone.server.registry;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 reader: commas, double-quoted fields with "" escapes and line breaks inside quotes. Lines starting
 * with '#' before the header are comments. Each record carries the 1-based line number it started on, so import
 * errors can name the row an official sees in a spreadsheet.
 */
public final class CsvReader {
    /** One record and the line it started on. */
    public record Record(int line, List<String> fields) {
    }

    private CsvReader() {
    }

    public static List<Record> read(Reader source) throws IOException {
        Reader in = source.markSupported() ? source : new java.io.BufferedReader(source);
        List<Record> records = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        List<String> fields = new ArrayList<>();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        boolean headerSeen = false;
        int c = in.read();
        if (c == 0xFEFF) { // spreadsheet tools like to start UTF-8 with a BOM
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                        continue;
                    }
                    quoted = false;
                    if (next == -1) {
                        break;
                    }
                    ch = (char) next;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                    continue;
                }
            }
            if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                fields.add(field.toString());
                headerSeen = addRecord(records, recordLine, fields, headerSeen);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IOException("line " + recordLine + ": a quoted field is not closed");
        }
        if (fieldStarted || !fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            addRecord(records, recordLine, fields, headerSeen);
        }
        return records;
    }

    private static boolean addRecord(List<Record> records, int line, List<String> fields, boolean headerSeen) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (blank) {
            return headerSeen;
        }
        if (!headerSeen && fields.get(0).startsWith("#")) {
            return false;
        }
        records.add(new Record(line, List.copyOf(fields)));
        return true;
    }
}
