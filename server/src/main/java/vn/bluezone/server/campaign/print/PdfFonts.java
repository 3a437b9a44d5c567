package vn.bluezone.server.campaign.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts every campaign PDF uses: DejaVu Sans regular and bold, shipped in {@code campaign/fonts/} with their
 * licence. The 14 standard PDF fonts only cover WinAnsi, which has none of Vietnamese's stacked diacritics (ệ, ở,
 * ữ...), and a printer's own fonts cannot be trusted to have them, so the glyphs used are embedded (as a subset,
 * which keeps a poster around 50 KB instead of 1.5 MB).
 */
public record PdfFonts(PDType0Font regular, PDType0Font bold) {
    private static final String DIR = "/campaign/fonts/";

    /** Loads both fonts into {@code document}; they are embedded when the document is saved. */
    public static PdfFonts load(PDDocument document) {
        return new PdfFonts(font(document, "DejaVuSans.ttf"), font(document, "DejaVuSans-Bold.ttf"));
    }

    private static PDType0Font font(PDDocument document, String file) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + DIR + file + " is missing from the classpath");
            }
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + file, e);
        }
    }
}
