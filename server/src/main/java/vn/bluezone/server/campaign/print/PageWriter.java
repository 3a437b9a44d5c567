package vn.bluezone.server.campaign.print;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes flowing content top-down on one page. Layout happens in "design units" of a {@code designWidth}-wide
 * page; the content stream is scaled to the real page, so an A3 poster is the A4 design enlarged by √2 and both
 * look the same.
 */
public final class PageWriter implements AutoCloseable {
    public enum Align { LEFT, CENTER, RIGHT }

    private final PDPageContentStream cs;
    private final PdfFonts fonts;
    private final float width;
    private final float height;
    private final float margin;
    private float y;

    public PageWriter(PDDocument document, PDRectangle paper, float designWidth, float margin, PdfFonts fonts) {
        PDPage page = new PDPage(paper);
        document.addPage(page);
        float scale = paper.getWidth() / designWidth;
        this.width = designWidth;
        this.height = paper.getHeight() / scale;
        this.margin = margin;
        this.fonts = fonts;
        this.y = height - margin;
        try {
            this.cs = new PDPageContentStream(document, page);
            cs.transform(Matrix.getScaleInstance(scale, scale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfFonts fonts() {
        return fonts;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }

    public float margin() {
        return margin;
    }

    /** Width available between the margins. */
    public float textWidth() {
        return width - 2 * margin;
    }

    /** Current baseline cursor (distance from the bottom, design units). */
    public float y() {
        return y;
    }

    public void y(float newY) {
        this.y = newY;
    }

    public void down(float amount) {
        y -= amount;
    }

    /** Space left above the bottom margin. */
    public float remaining() {
        return y - margin;
    }

    public PDPageContentStream stream() {
        return cs;
    }

    /** A filled rectangle, lower-left at (x, bottom). */
    public void box(float x, float bottom, float w, float h, Color fill) {
        try {
            cs.setNonStrokingColor(fill);
            cs.addRect(x, bottom, w, h);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rectangle outline. */
    public void frame(float x, float bottom, float w, float h, Color stroke, float lineWidth) {
        try {
            cs.setStrokingColor(stroke);
            cs.setLineWidth(lineWidth);
            cs.addRect(x, bottom, w, h);
            cs.stroke();
            cs.setStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of text at an explicit baseline, aligned within [left, left + boxWidth]. */
    public void line(String text, PDFont font, float size, Color color, float left, float boxWidth, float baseline,
            Align align) {
        String s = TextLines.nfc(text);
        float w = TextLines.width(font, size, s);
        float x = switch (align) {
            case LEFT -> left;
            case CENTER -> left + (boxWidth - w) / 2;
            case RIGHT -> left + boxWidth - w;
        };
        try {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(x, baseline);
            cs.showText(s);
            cs.endText();
            cs.setNonStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Wrapped text from the cursor down, between {@code left} and {@code left + boxWidth}; moves the cursor below it.
     * Returns the number of lines written.
     */
    public int paragraph(String text, PDFont font, float size, Color color, float left, float boxWidth, Align align) {
        List<String> lines = TextLines.wrap(font, size, text, boxWidth);
        float leading = size * 1.3f;
        for (String l : lines) {
            y -= size;
            line(l, font, size, color, left, boxWidth, y, align);
            y -= leading - size;
        }
        return lines.size();
    }

    /** Wrapped text across the full width between the margins. */
    public int paragraph(String text, PDFont font, float size) {
        return paragraph(text, font, size, Color.BLACK, margin, textWidth(), Align.LEFT);
    }

    /** Height that {@link #paragraph} would take. */
    public float measure(String text, PDFont font, float size, float boxWidth) {
        return TextLines.wrap(font, size, text, boxWidth).size() * size * 1.3f;
    }

    @Override
    public void close() {
        try {
            cs.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
