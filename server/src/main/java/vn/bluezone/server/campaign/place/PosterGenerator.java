package vn.bluezone.server.campaign.place;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.bluezone.server.campaign.print.PdfRenderer;

/**
 * A print-ready poster for one public place (templates/print/poster.html): why to install, three steps, a QR code
 * carrying what {@link PlaceLinks} builds, and the place's name. Sizes are in em of a base font size, so the A3
 * poster is the A4 design enlarged by √2.
 */
@Component
public class PosterGenerator {
    /** Base font size on A4, in points. */
    private static final double BASE = 10;
    /** QR sides tried, in em, largest first, until the poster fits one page. */
    private static final int[] QR_SIDES = {26, 22, 18};

    private final PdfRenderer renderer;

    @Autowired
    public PosterGenerator(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    /** Outside Spring (unit tests). */
    public PosterGenerator() {
        this(PdfRenderer.standalone());
    }

    /** Renders the poster in Vietnamese as a one-page PDF. */
    public byte[] render(PosterContent content, PaperSize paper) {
        return render(content, paper, PdfRenderer.VIETNAMESE);
    }

    public byte[] render(PosterContent content, PaperSize paper, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("c", content);
        model.put("paper", paper.name());
        model.put("base", paper == PaperSize.A3 ? BASE * Math.sqrt(2) : BASE);
        String kind = renderer.message("campaign.place." + content.kind().name(), locale);
        model.put("where", content.areaLabel().isBlank() ? kind : kind + " · " + content.areaLabel());
        for (int side : QR_SIDES) {
            model.put("qr", side);
            PdfRenderer.Pdf pdf = renderer.pdf("poster", model, locale);
            if (pdf.pages() == 1) {
                return pdf.bytes();
            }
        }
        throw new IllegalArgumentException("place name or area is too long for the poster");
    }
}
