package vn.bluezone.server.campaign.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

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
     * Draws the code with its quiet zone as a {@code side}-unit square at the origin. Runs of dark modules in a row
     * become one rectangle, which keeps the PDF content stream small.
     */
    public void draw(Graphics2D g, float side) {
        int n = modules();
        float module = side / (n + 2 * QUIET_ZONE);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Float(0, 0, side, side));
        g.setColor(Color.BLACK);
        for (int row = 0; row < n; row++) {
            float top = (QUIET_ZONE + row) * module;
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
                g.fill(new Rectangle2D.Float((QUIET_ZONE + start) * module, top, (col - start) * module, module));
            }
        }
    }
}
