package vn.bluezone.server.campaign.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Measures and word-wraps text for a PDF font. Text is normalised to NFC first: the fonts map precomposed letters. */
public final class TextLines {
    private TextLines() {
    }

    public static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Width of {@code text} in points at {@code size}. */
    public static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(nfc(text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("text has a character the font cannot print: " + text, e);
        }
    }

    /**
     * Splits {@code text} into lines no wider than {@code maxWidth}, breaking between words; a single word wider than
     * the line is cut by characters. Explicit line breaks are kept.
     */
    public static List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : nfc(text).split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word longer than the whole line (a long URL): cut it where it overflows.
                String rest = word;
                while (width(font, size, rest) > maxWidth) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
