package vn.bluezone.server.accounts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor's pages: enter the code after the password ({@code /console/totp}); set it up by scanning a QR
 * code with an authenticator app and confirming one code ({@code /console/totp/setup}). The secret being set up
 * stays in the session until a code confirms it.
 */
@Controller
public class SecondFactorPages {
    private static final String PENDING_SECRET = "bz.second-factor.pending-secret";

    private final CurrentOfficial current;
    private final SecondFactor secondFactor;

    public SecondFactorPages(CurrentOfficial current, SecondFactor secondFactor) {
        this.current = current;
        this.secondFactor = secondFactor;
    }

    @GetMapping("/console/totp")
    public String codePage(Model model) {
        Official o = current.require();
        if (!secondFactor.enabled(o.id())) {
            return "redirect:/console/totp/setup";
        }
        model.addAttribute("official", o);
        return "console/totp";
    }

    @PostMapping("/console/totp")
    public String checkCode(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
            HttpServletResponse response) {
        Official o = current.require();
        if (secondFactor.verify(o, code)) {
            session.setAttribute(SecondFactor.SESSION_ATTRIBUTE, o.id());
            return "redirect:/console";
        }
        model.addAttribute("official", o);
        model.addAttribute("wrong", true);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "console/totp";
    }

    @GetMapping("/console/totp/setup")
    public String setupPage(HttpSession session, Model model) {
        Official o = current.require();
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = secondFactor.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        fill(model, o, secret);
        return "console/totp-setup";
    }

    @PostMapping("/console/totp/setup")
    public String confirmSetup(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
            HttpServletResponse response) {
        Official o = current.require();
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret != null && secondFactor.enroll(o, secret, code)) {
            session.removeAttribute(PENDING_SECRET);
            session.setAttribute(SecondFactor.SESSION_ATTRIBUTE, o.id());
            return "redirect:/console?secondFactorOn";
        }
        if (secret == null) {
            return "redirect:/console/totp/setup";
        }
        fill(model, o, secret);
        model.addAttribute("wrong", true);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "console/totp-setup";
    }

    private void fill(Model model, Official o, String secret) {
        model.addAttribute("official", o);
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").trim());
        String[] qr = qrPath(Totp.uri(SecondFactor.ISSUER, o.username(), secret)).split("\\|", 2);
        model.addAttribute("qrSize", qr[0]);
        model.addAttribute("qrPath", qr[1]);
        model.addAttribute("required", secondFactor.requiredFor(o.role()));
    }

    /** The QR code as one SVG path (dark modules as unit squares), for an inline {@code <svg>}. */
    static String qrPath(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder sb = new StringBuilder("M0 0");
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        sb.append("M").append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return m.getWidth() + "|" + sb;
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        }
    }
}
