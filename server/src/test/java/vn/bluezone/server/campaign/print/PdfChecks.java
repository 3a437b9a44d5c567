package vn.bluezone.server.campaign.print;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads PDFs the way a person (or a phone camera) would: extracted text, embedded fonts, QR codes on the page. */
public final class PdfChecks {
    private PdfChecks() {
    }

    /** All text, whitespace collapsed to single spaces (line wrapping is not content). */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ").trim();
        }
    }

    public static boolean isNfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC);
    }

    /** Names of fonts used on page 1 that are not embedded (empty when everything prints as designed). */
    public static List<String> nonEmbeddedFonts(byte[] pdf) throws IOException {
        List<String> missing = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (PDPage page : d.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    boolean embedded = font instanceof PDType0Font t0
                            ? t0.getDescendantFont().isEmbedded() : font.isEmbedded();
                    if (!embedded) {
                        missing.add(font.getName());
                    }
                }
            }
        }
        return missing;
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }

    public static float[] pageSizePoints(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            var box = d.getPage(0).getMediaBox();
            return new float[] {box.getWidth(), box.getHeight()};
        }
    }

    /** Renders page 1 at {@code dpi}. */
    public static BufferedImage render(byte[] pdf, float dpi) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFRenderer(d).renderImageWithDPI(0, dpi);
        }
    }

    /** Decodes the QR code in a rendered page, as a phone camera would. */
    public static String decodeQr(BufferedImage image) throws com.google.zxing.ReaderException {
        // As a person does with a phone: if the first look fails, step back (a smaller image) and look again.
        // ZXing's detector misses a few well-formed symbols at one scale (about 1 in 130 random place codes, even
        // on a crisp image of the bare matrix) and reads them at another; phone scanners are more forgiving.
        com.google.zxing.ReaderException last = null;
        for (double scale : new double[] {1.0, 0.75, 0.5, 0.6, 0.9}) {
            BufferedImage img = scale == 1.0 ? image : scaled(image, scale);
            int w = img.getWidth();
            int h = img.getHeight();
            int[] pixels = img.getRGB(0, 0, w, h, null, 0, w);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
            try {
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            } catch (com.google.zxing.ReaderException e) {
                last = e;
            }
        }
        throw last;
    }

    private static BufferedImage scaled(BufferedImage image, double scale) {
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Saves a rendering under target/ so a person can look at it. */
    public static Path savePng(BufferedImage image, String name) throws IOException {
        Path dir = Path.of("target", "campaign-prints");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
