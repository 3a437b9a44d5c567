package vn.bluezone.server.campaign.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.bluezone.server.campaign.print.PdfChecks;
import vn.bluezone.server.campaign.print.PdfRenderer;

class PosterGeneratorTest {
    private final PosterGenerator generator = new PosterGenerator();

    private static PosterContent market() {
        return new PosterContent("Chợ Quảng Ngạn", PlaceKind.MARKET, "Thôn Hà Lạc, Xã Quảng Ngạn", "QN7K2M",
                "https://bluezone.example.vn/i/QN7K2M", "UBND xã Quảng Ngạn");
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void textExtractsWithCorrectVietnameseDiacritics(PaperSize paper) throws Exception {
        byte[] pdf = generator.render(market(), paper);

        String text = PdfChecks.text(pdf);
        assertThat(PdfChecks.isNfc(text)).as("extracted text is NFC").isTrue();
        assertThat(text).contains("Chợ Quảng Ngạn", "Thôn Hà Lạc, Xã Quảng Ngạn", "Hãy cài đặt Bluezone",
                "Vì sao nên cài đặt?", "Ba bước cài đặt", "Bật Bluetooth và cho phép thông báo",
                "không thu thập vị trí, họ tên hay số điện thoại", "Mã địa điểm: QN7K2M",
                "https://bluezone.example.vn/i/QN7K2M", "UBND xã Quảng Ngạn");
        PdfRenderer texts = PdfRenderer.standalone();
        for (int step = 1; step <= 3; step++) {
            assertThat(text).contains(texts.message("print.poster.step." + step, PdfRenderer.VIETNAMESE));
        }
        assertThat(PdfChecks.nonEmbeddedFonts(pdf)).as("fonts that are not embedded").isEmpty();
        assertThat(PdfChecks.pages(pdf)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void qrCodeOnThePrintedPageOpensThePlacesInstallPage(PaperSize paper) throws Exception {
        byte[] pdf = generator.render(market(), paper);

        BufferedImage page = PdfChecks.render(pdf, 72);
        PdfChecks.savePng(page, "poster-" + paper);
        assertThat(PdfChecks.decodeQr(page)).isEqualTo("https://bluezone.example.vn/i/QN7K2M");
    }

    @Test
    void theQrCarriesTheWholeContentPlaceLinksBuilt() throws Exception {
        String link = "https://bluezone.example.vn/i/QN7K2M#CgZRTjdLMk0SDkNo4buNIFF14bqjbmcgTmfhuqFu";
        PosterContent c = new PosterContent("Chợ Quảng Ngạn", PlaceKind.MARKET, "", "QN7K2M",
                "https://bluezone.example.vn/i/QN7K2M", "", link);
        byte[] pdf = generator.render(c, PaperSize.A3);
        assertThat(PdfChecks.decodeQr(PdfChecks.render(pdf, 72))).isEqualTo(link);
        assertThat(PdfChecks.text(pdf)).contains("https://bluezone.example.vn/i/QN7K2M").doesNotContain("#CgZ");
    }

    @Test
    void theTextsComeFromTheBundleOfTheLanguage() throws Exception {
        String text = PdfChecks.text(generator.render(market(), PaperSize.A4, java.util.Locale.ENGLISH));
        assertThat(text).contains("Install Bluezone", "Three steps", "Market · Thôn Hà Lạc", "Place code: QN7K2M")
                .doesNotContain("Ba bước");
    }

    @Test
    void paperSizesAreIsoA4AndA3() throws Exception {
        float[] a4 = PdfChecks.pageSizePoints(generator.render(market(), PaperSize.A4));
        float[] a3 = PdfChecks.pageSizePoints(generator.render(market(), PaperSize.A3));
        // 210 x 297 mm and 297 x 420 mm at 72 points per inch.
        assertThat(a4[0]).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(a4[1]).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(a3[0]).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(a3[1]).isCloseTo(1190.6f, org.assertj.core.data.Offset.offset(0.5f));
    }

    @Test
    void decomposedInputPrintsAsComposedLetters() throws Exception {
        String nfd = Normalizer.normalize("Quán phở Đức Thịnh", Normalizer.Form.NFD);
        byte[] pdf = generator.render(new PosterContent(nfd, PlaceKind.EATERY, "", "AB12CD",
                "http://localhost:8080/i/AB12CD", ""), PaperSize.A4);
        assertThat(PdfChecks.text(pdf)).contains("Quán phở Đức Thịnh");
    }

    @Test
    void aNameTooLongForThePosterIsRefused() {
        String huge = "Chợ ".repeat(200);
        assertThatThrownBy(() -> generator.render(new PosterContent(huge, PlaceKind.MARKET, "", "AB12CD",
                "http://localhost:8080/i/AB12CD", ""), PaperSize.A4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }
}
