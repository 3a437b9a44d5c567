package vn.bluezone.server.campaign.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A QR code drawn as vector squares, so it stays sharp at any print size (a raster image would blur on A3).
 * Error correction level M survives a little dirt or a fold on a poster taped to a market stall.
 */
public final class QrCode {
    /** White border around the symbol, in modules; ISO/IEC 18004 asks for at least 4. */
    public static final int QUIET_ZONE = 4;

    private final BitMatrix matrix;

    private QrCode(BitMatrix matrix) {
        this.matrix = matrix;
    }

    public static QrCode of(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 0));
            return new QrCode(m);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code: " + e.getMessage(), e);
        }
    }

    /** Modules per side, without the quiet zone. */
    public int modules() {
        return matrix.getWidth();
    }

    public boolean dark(int x, int y) {
        return matrix.get(x, y);
    }

    /**
     * Draws the code with its quiet zone as a {@code side}-point square whose lower-left corner is ({@code x},
     * {@code y}). Runs of dark modules in a row become one rectangle, which keeps the content stream small.
     */
    public void draw(PDPageContentStream cs, float x, float y, float side) throws IOException {
        int n = modules();
        float module = side / (n + 2 * QUIET_ZONE);
        cs.saveGraphicsState();
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(x, y, side, side);
        cs.fill();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < n; row++) {
            float top = y + side - (QUIET_ZONE + row) * module;
            int col = 0;
            while (col < n) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row)) {
                    col++;
                }
                cs.addRect(x + (QUIET_ZONE + start) * module, top - module, (col - start) * module, module);
            }
        }
        cs.fill();
        cs.restoreGraphicsState();
    }
}
