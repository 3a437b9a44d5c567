package vn.bluezone.server.campaign.place;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import vn.bluezone.server.campaign.print.PageWriter;
import vn.bluezone.server.campaign.print.PageWriter.Align;
import vn.bluezone.server.campaign.print.PdfFonts;
import vn.bluezone.server.campaign.print.QrCode;

/**
 * A print-ready poster for one public place: why to install, three steps, a QR code for the place's install page,
 * and the place's name. The design is laid out on A4 and scaled for A3, so both sizes look the same.
 */
@Component
public class PosterGenerator {
    static final float DESIGN_WIDTH = 595.28f; // A4 width in points
    private static final float MARGIN = 36f;
    private static final Color BLUE = new Color(0x0B, 0x5F, 0xA5);
    private static final Color LIGHT = new Color(0xE8, 0xF1, 0xFA);
    private static final Color GREY = new Color(0x44, 0x44, 0x44);

    static final String TITLE = "Hãy cài đặt Bluezone";
    static final String SUBTITLE = "Phát hiện tiếp xúc gần để phòng, chống dịch COVID-19";
    static final String WHY_HEADING = "Vì sao nên cài đặt?";
    static final List<String> WHY = List.of(
            "Bluezone báo cho bạn khi bạn đã tiếp xúc gần với người mắc COVID-19, để bạn được tư vấn, "
                    + "xét nghiệm và cách ly sớm, bảo vệ người thân.",
            "Không thu thập vị trí, họ tên hay số điện thoại. Mã phát qua Bluetooth thay đổi liên tục và chỉ "
                    + "được đối chiếu ngay trên điện thoại của bạn.",
            "Càng nhiều người cài đặt, cộng đồng càng an toàn: hãy giúp thêm ba người thân cùng cài.");
    static final String STEPS_HEADING = "Ba bước cài đặt";
    static final List<String> STEPS = List.of(
            "Mở camera điện thoại, quét mã QR bên dưới.",
            "Tải Bluezone từ App Store hoặc Google Play, mở ứng dụng.",
            "Bật Bluetooth và cho phép thông báo. Xong!");

    /** Renders the poster as a one-page PDF. */
    public byte[] render(PosterContent content, PaperSize paper) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Bluezone – " + content.placeName());
            info.setSubject(content.installUrl());
            info.setCreator("Bluezone");
            PdfFonts fonts = PdfFonts.load(document);
            try (PageWriter page = new PageWriter(document, paper.rectangle(), DESIGN_WIDTH, MARGIN, fonts)) {
                draw(page, content);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write poster PDF", e);
        }
    }

    private void draw(PageWriter p, PosterContent c) throws IOException {
        PdfFonts f = p.fonts();
        float w = p.width();
        float m = p.margin();

        // Title band.
        float bandHeight = 112;
        p.box(0, p.height() - bandHeight, w, bandHeight, BLUE);
        p.line(TITLE, f.bold(), 38, Color.WHITE, 0, w, p.height() - 58, Align.CENTER);
        p.line(SUBTITLE, f.regular(), 15, Color.WHITE, 0, w, p.height() - 88, Align.CENTER);
        p.y(p.height() - bandHeight - 18);

        // Why.
        heading(p, WHY_HEADING);
        for (String reason : WHY) {
            bulleted(p, "•", reason, 12.5f);
        }
        p.down(8);

        // Steps.
        heading(p, STEPS_HEADING);
        int n = 1;
        for (String step : STEPS) {
            bulleted(p, n++ + ".", step, 13.5f);
        }
        p.down(10);

        // QR code with the link under it, in a tinted box that also names the place.
        float placeBoxTop = p.y();
        float placeBoxBottom = 70;
        p.box(m, placeBoxBottom, p.textWidth(), placeBoxTop - placeBoxBottom, LIGHT);
        p.down(14);
        p.paragraph(c.placeName(), f.bold(), 22, BLUE, m + 12, p.textWidth() - 24, Align.CENTER);
        String where = c.kind().vi() + (c.areaLabel().isBlank() ? "" : " · " + c.areaLabel());
        p.paragraph(where, f.regular(), 12, GREY, m + 12, p.textWidth() - 24, Align.CENTER);
        p.down(6);
        float urlBlock = 44;
        float qrSide = Math.min(265, p.y() - placeBoxBottom - urlBlock);
        if (qrSide < 120) {
            throw new IllegalArgumentException("place name or area is too long for the poster");
        }
        QrCode.of(c.qrContent()).draw(p.stream(), (w - qrSide) / 2, p.y() - qrSide, qrSide);
        p.down(qrSide + 4);
        p.paragraph(c.installUrl(), f.bold(), 12, Color.BLACK, m + 12, p.textWidth() - 24, Align.CENTER);
        p.paragraph("Mã địa điểm: " + c.placeCode(), f.regular(), 11, GREY, m + 12, p.textWidth() - 24,
                Align.CENTER);

        // Footer.
        String footer = c.issuer().isBlank() ? "Bluezone – Khẩu trang điện tử"
                : c.issuer() + " · Bluezone – Khẩu trang điện tử";
        p.line(footer, f.regular(), 10.5f, GREY, m, p.textWidth(), 48, Align.CENTER);
        p.line("Bluezone không thu thập vị trí, họ tên hay số điện thoại của bạn.", f.regular(), 9.5f, GREY, m,
                p.textWidth(), 34, Align.CENTER);
    }

    private void heading(PageWriter p, String text) {
        p.paragraph(text, p.fonts().bold(), 19, BLUE, p.margin(), p.textWidth(), Align.LEFT);
        p.down(4);
    }

    private void bulleted(PageWriter p, String mark, String text, float size) {
        float indent = 24;
        float top = p.y();
        p.line(mark, p.fonts().bold(), size, BLUE, p.margin() + 4, indent, top - size, Align.LEFT);
        p.paragraph(text, p.fonts().regular(), size, Color.BLACK, p.margin() + indent, p.textWidth() - indent,
                Align.LEFT);
        p.down(4);
    }
}
