package vn.bluezone.server.campaign.print;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import java.awt.RenderingHints;
import org.w3c.dom.Element;

/**
 * Draws {@code <object type="application/x-bluezone-qr" data-content="...">} as a vector QR code filling the
 * object's box, so it stays sharp at any print size (a raster image would blur on A3).
 */
final class QrObjects implements FSObjectDrawerFactory {
    static final String TYPE = "application/x-bluezone-qr";

    @Override
    public boolean isReplacedObject(Element e) {
        return TYPE.equals(e.getAttribute("type"));
    }

    @Override
    public FSObjectDrawer createDrawer(Element e) {
        if (!isReplacedObject(e)) {
            return null;
        }
        return (element, x, y, width, height, device, context, dotsPerPixel) -> {
            QrCode qr = QrCode.of(element.getAttribute("data-content"));
            float side = (float) Math.min(width, height) / dotsPerPixel;
            device.drawWithGraphics((float) x, (float) y, side, side, g -> {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                qr.draw(g, side);
            });
            return null;
        };
    }
}
