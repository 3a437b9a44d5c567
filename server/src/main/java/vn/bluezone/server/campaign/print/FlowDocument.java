package vn.bluezone.server.campaign.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** A PDF of A4 pages that starts a new page when the next block does not fit. */
public final class FlowDocument implements AutoCloseable {
    private static final float DESIGN_WIDTH = PDRectangle.A4.getWidth();

    private final PDDocument document = new PDDocument();
    private final PdfFonts fonts = PdfFonts.load(document);
    private final float margin;
    private PageWriter page;

    public FlowDocument(String title, float margin) {
        this.margin = margin;
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("Bluezone");
        newPage();
    }

    public PdfFonts fonts() {
        return fonts;
    }

    /** The current page, after starting a new one if fewer than {@code height} units remain on it. */
    public PageWriter room(float height) {
        if (page.remaining() < height) {
            newPage();
        }
        return page;
    }

    public PageWriter page() {
        return page;
    }

    public int pages() {
        return document.getNumberOfPages();
    }

    private void newPage() {
        if (page != null) {
            page.close();
        }
        page = new PageWriter(document, PDRectangle.A4, DESIGN_WIDTH, margin, fonts);
    }

    public byte[] toBytes() {
        page.close();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PDF", e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
