package vn.bluezone.server.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 files as spreadsheets write them (Apache Commons CSV): commas, double-quoted fields with "" escapes and
 * line breaks inside quotes, an optional UTF-8 BOM. Lines starting with '#' before the header are comments; blank
 * records are skipped. Each record carries the 1-based line number it started on, so import errors can name the
 * row an official sees in a spreadsheet.
 */
public final class CsvReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** One record and the line it started on. */
    public record Record(int line, List<String> fields) {
    }

    private CsvReader() {
    }

    public static List<Record> read(Reader source) throws IOException {
        String text = slurp(source);
        if (text.startsWith("\uFEFF")) { // spreadsheet tools like to start UTF-8 with a BOM
            text = text.substring(1);
        }
        int[] lineStarts = lineStarts(text);
        List<Record> records = new ArrayList<>();
        boolean headerSeen = false;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            long linesRead = 0; // line breaks consumed up to the end of the last record read
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw new IOException("line " + nextRecordLine(text, lineStarts, linesRead)
                            + ": a quoted field is not closed", e);
                }
                linesRead = parser.getCurrentLineNumber();
                List<String> fields = r.toList();
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (!headerSeen && fields.get(0).startsWith("#")) {
                    continue;
                }
                headerSeen = true;
                // the parser's position includes the empty lines it skipped before the record
                records.add(new Record(lineOf(lineStarts, pastLineBreaks(text, r.getCharacterPosition())),
                        List.copyOf(fields)));
            }
        }
        return records;
    }

    private static String slurp(Reader in) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) != -1; ) {
            b.append(buf, 0, n);
        }
        return b.toString();
    }

    /** Offsets where each physical line starts (CRLF, LF or CR end a line). */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (end) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static int lineOf(int[] lineStarts, long position) {
        int i = Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** The 1-based line a record starts on after {@code linesRead} line breaks, past empty lines. */
    private static int nextRecordLine(String text, int[] lineStarts, long linesRead) {
        int line = (int) linesRead + 1;
        while (line < lineStarts.length && isLineBreak(text, lineStarts[line - 1])) {
            line++;
        }
        return line;
    }

    private static long pastLineBreaks(String text, long position) {
        int i = (int) position;
        while (isLineBreak(text, i)) {
            i++;
        }
        return i;
    }

    private static boolean isLineBreak(String text, int i) {
        return i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r');
    }
}
