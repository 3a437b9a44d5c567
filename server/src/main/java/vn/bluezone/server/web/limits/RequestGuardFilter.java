package vn.bluezone.server.web.limits;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The first filter of every request (issue 15 §1). Before anything parses a request it refuses, with a stable code
 * and one log line: a NUL in the query string, an unparsable or wildcard {@code Content-Type}, a form sent with
 * another method than POST, a body larger than the endpoint's limit ({@link HttpLimitsProperties}). A phone's body
 * (device API) is then read without holding a thread ({@link DeviceBodyReader}); other bodies (console, officials)
 * are read by the usual blocking code, but only {@code blocking-body-reads} at once, so slow clients cannot take
 * every thread.
 */
public class RequestGuardFilter implements Filter {
    static final String BODY_ATTRIBUTE = RequestGuardFilter.class.getName() + ".body";
    private static final Logger log = LoggerFactory.getLogger(RequestGuardFilter.class);
    /** A JSON NUL escape (backslash, u, four zeros), not itself escaped (an even number of backslashes before it). */
    private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000");

    private final HttpLimitsProperties limits;
    private final Semaphore blockingReads;
    private final TrustedProxies proxies;

    public RequestGuardFilter(HttpLimitsProperties limits) {
        this.limits = limits;
        this.proxies = new TrustedProxies(limits.trustedProxies());
        this.blockingReads = new Semaphore(limits.blockingBodyReads());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = proxies.wrap((HttpServletRequest) request);
        HttpServletResponse res = (HttpServletResponse) response;
        if (req.getDispatcherType() == DispatcherType.ASYNC && req.getAttribute(BODY_ATTRIBUTE) instanceof byte[] body) {
            req.removeAttribute(BODY_ATTRIBUTE);
            // Spring Security's header writer is a once-per-request filter and skips this async leg: its defaults.
            res.setHeader("X-Content-Type-Options", "nosniff");
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("X-Frame-Options", "DENY");
            if (hasJsonNul(body)) {
                refuse(req, res, Refusal.nulInBody());
                return;
            }
            chain.doFilter(new CachedBodyRequest(req, body), res);
            return;
        }
        if (req.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(req, res);
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Refusal early = check(req);
        if (early != null) {
            refuse(req, res, early);
            return;
        }
        long length = req.getContentLengthLong();
        boolean chunked = req.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            chain.doFilter(req, res);
            return;
        }
        String type = req.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long limit = limits.limitFor(req.getMethod(), path, multipart);
        if (length > limit) {
            refuse(req, res, Refusal.tooLarge(limit));
            return;
        }
        if (isDeviceApi(path)) {
            readDeviceBody(req, res, chain, limit);
            return;
        }
        if (chunked && length < 0) {
            refuse(req, res, Refusal.lengthRequired());
            return;
        }
        if (!blockingReads.tryAcquire()) {
            refuse(req, res, Refusal.busy());
            return;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            blockingReads.release();
        }
    }

    /** The checks that need no body. */
    private static Refusal check(HttpServletRequest req) {
        String query = req.getQueryString();
        if (query != null && (query.indexOf('\0') >= 0 || query.toLowerCase(Locale.ROOT).contains("%00"))) {
            return Refusal.nulParameter();
        }
        if (query != null && query.indexOf('%') >= 0 && !decodesAsUtf8(query)) {
            // Tomcat would drop such a parameter and the first reader of parameters would fail (fuzz test).
            return Refusal.undecodableParameter();
        }
        String type = req.getContentType();
        if (type == null) {
            return null;
        }
        MediaType media;
        try {
            media = MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException e) {
            return Refusal.mediaType("the Content-Type header cannot be read");
        }
        if (media.isWildcardType() || media.isWildcardSubtype()) {
            return Refusal.mediaType("the Content-Type must be a concrete type such as application/json");
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.includes(media) && !"POST".equals(req.getMethod())) {
            return Refusal.mediaType("forms are sent with POST");
        }
        return null;
    }

    /** Whether the percent-escapes of a query string are well-formed and decode to valid UTF-8. */
    static boolean decodesAsUtf8(String query) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Integer.parseInt(query.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c > 0x7f ? '?' : c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    static boolean isDeviceApi(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/v1/admin/");
    }

    private void readDeviceBody(HttpServletRequest req, HttpServletResponse res, FilterChain chain, long limit)
            throws IOException, ServletException {
        if (!onTomcat(req)) {
            // Mock requests in tests: same limit, read at once.
            byte[] body = readAtMost(req.getInputStream(), limit);
            if (body == null) {
                refuse(req, res, Refusal.tooLarge(limit));
            } else if (hasJsonNul(body)) {
                refuse(req, res, Refusal.nulInBody());
            } else {
                chain.doFilter(new CachedBodyRequest(req, body), res);
            }
            return;
        }
        AsyncContext async = req.startAsync(req, res);
        async.setTimeout(limits.bodyReadTimeout().toMillis());
        DeviceBodyReader reader = new DeviceBodyReader(async, req.getInputStream(), limit, this::refuseAsync);
        async.addListener(reader);
        req.getInputStream().setReadListener(reader);
    }

    private void refuseAsync(AsyncContext async, Refusal refusal) {
        try {
            refuse((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse(), refusal);
        } catch (IOException | RuntimeException e) {
            log.debug("could not answer a refused request: {}", e.toString());
        } finally {
            async.complete();
        }
    }

    static boolean hasJsonNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return text.contains("\\u0000") && JSON_NUL.matcher(text).find();
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) >= 0; ) {
            out.write(buf, 0, n);
            if (out.size() > limit) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static boolean onTomcat(ServletRequest req) {
        ServletRequest r = req;
        while (r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        return r.getClass().getName().startsWith("org.apache.catalina.");
    }

    /** JSON for API paths, a minimal HTML page otherwise; the connection is closed (the body may be left unread). */
    static void refuse(HttpServletRequest req, HttpServletResponse res, Refusal r) throws IOException {
        String path = req.getRequestURI();
        log.info("refused {} {}: {} {}", req.getMethod(), path, r.status().value(), r.code());
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        if (r.retryAfterSeconds() > 0) {
            res.setHeader("Retry-After", String.valueOf(r.retryAfterSeconds()));
        }
        // The body is left unread: close the connection rather than wait for the rest of it.
        res.setHeader("Connection", "close");
        if (req.getAttribute(NoSwallowValve.HOOK_ATTRIBUTE) instanceof Runnable noSwallow) {
            noSwallow.run();
        }
        res.setStatus(r.status().value());
        res.setCharacterEncoding("UTF-8");
        if (!path.startsWith("/api/")) {
            // Not the servlet error page: rendering it reads the request's parameters, i.e. the slow body.
            res.setContentType("text/html");
            res.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"UTF-8\"><title>" + r.status().value()
                    + "</title><p>" + r.status().value() + " " + r.status().getReasonPhrase() + "</p></html>");
            res.flushBuffer();
            return;
        }
        res.setContentType("application/json");
        res.getWriter().write("{\"error\":\"" + r.code().name() + "\",\"message\":\"" + r.message() + "\"}");
        res.flushBuffer();
    }
}
