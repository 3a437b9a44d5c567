package vn.bluezone.server.campaign.print;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every printed document: a Thymeleaf template under {@code templates/print/} (texts from the message bundles) laid
 * out and written to PDF by openhtmltopdf on PDFBox. DejaVu Sans regular and bold are embedded (as subsets): the 14
 * standard PDF fonts only cover WinAnsi, which has none of Vietnamese's stacked diacritics (ệ, ở, ữ...), and a
 * printer's own fonts cannot be trusted to have them. QR codes are drawn as vectors ({@link QrObjects}).
 */
@Component
public class PdfRenderer {
    /** Printed documents are Vietnamese: the poster is read by citizens, the others are administrative documents. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");
    /** Parsed font metrics, kept between documents: parsing DejaVu again for every PDF doubled its time. */
    private static final FSDefaultCacheStore FONT_METRICS = new FSDefaultCacheStore();

    static {
        // openhtmltopdf logs every document's timings at INFO: keep its warnings only.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final MessageSource messages;

    @Autowired
    public PdfRenderer(MessageSource messages) {
        this.messages = messages;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/print/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(messages);
    }

    /** Outside Spring (unit tests, tools): the same bundles, read from the classpath. */
    public static PdfRenderer standalone() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return new PdfRenderer(m);
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The template's XHTML, normalised to NFC: the fonts map precomposed letters, and decomposed input happens. */
    public String html(String template, Map<String, ?> model, Locale locale) {
        @SuppressWarnings("unchecked")
        Context context = new Context(locale, (Map<String, Object>) model);
        return Normalizer.normalize(templates.process(template, context), Normalizer.Form.NFC);
    }

    public Pdf pdf(String template, Map<String, ?> model, Locale locale) {
        return write(html(template, model, locale));
    }

    /** Lays out and writes {@code xhtml}; the page count lets a caller shrink what must fit one page. */
    public static Pdf write(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
            builder.withHtmlContent(xhtml, null);
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useObjectDrawerFactory(new QrObjects());
            builder.withProducer("Bluezone");
            builder.toStream(out);
            builder.run();
            byte[] bytes = out.toByteArray();
            try (PDDocument d = Loader.loadPDF(bytes)) {
                return new Pdf(bytes, d.getNumberOfPages());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PDF", e);
        }
    }

    /** A written PDF and its number of pages. */
    public record Pdf(byte[] bytes, int pages) {
    }

    private static byte[] font(String file) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/campaign/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + file, e);
        }
    }
}
