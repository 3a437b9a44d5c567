package vn.bluezone.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ErrorCode;

/**
 * The servlet error page ({@code /error}): whatever ends there (unmatched paths, filter errors) is answered in
 * JSON with a stable code when the original request was an API call, and with a small HTML page otherwise.
 * Never shows a stack trace.
 */
@Controller
public class JsonErrorController implements ErrorController {
    private final RefusedFields refused;

    public JsonErrorController(RefusedFields refused) {
        this.refused = refused;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    public Object html(HttpServletRequest req, Model model, java.util.Locale locale) {
        HttpStatus status = statusOf(req);
        if (isApiOriginal(req)) {
            return json(req);
        }
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        model.addAttribute("here", languageTarget(req));
        // A refused console request names what was wrong (issue 13): the fields in the reader's language, or the
        // problem itself when it is not about one field.
        if (req.getAttribute(GlobalExceptionHandler.REFUSAL) instanceof ApiError refusal && status.is4xxClientError()) {
            java.util.List<String> fields = refused.lines(refusal, locale);
            model.addAttribute("fieldLines", fields);
            if (fields.isEmpty() && status != HttpStatus.FORBIDDEN && status != HttpStatus.NOT_FOUND) {
                refused.problem(refusal.error(), locale).ifPresent(p -> model.addAttribute("detail", p));
            }
        }
        req.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        return "error";
    }

    @RequestMapping("/error")
    public ResponseEntity<ApiError> json(HttpServletRequest req) {
        HttpStatus status = statusOf(req);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(codeOf(status),
                status.is5xxServerError() ? "the server could not complete the request" : status.getReasonPhrase().toLowerCase()));
    }

    /**
     * The code of an error known only by its status. Statuses without a code of their own get the nearest
     * general one, so that every answer carries a contract code.
     */
    static ErrorCode codeOf(HttpStatus status) {
        if (status.is5xxServerError()) {
            return status == HttpStatus.SERVICE_UNAVAILABLE ? ErrorCode.BUSY : ErrorCode.INTERNAL_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> ErrorCode.NOT_ACCEPTABLE;
            case CONTENT_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
            case TOO_MANY_REQUESTS -> ErrorCode.RATE_LIMITED;
            default -> ErrorCode.BAD_REQUEST;
        };
    }

    /**
     * Where the page's language links lead: the page asked for (its query kept, its {@code lang} replaced) when it
     * was a GET, which then answers in the other language; after a refused POST, the console's home page, as a
     * language link must not send the form again.
     */
    static String languageTarget(HttpServletRequest req) {
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!"GET".equals(req.getMethod()) || uri == null) {
            return "/console";
        }
        String path = uri.toString().substring(req.getContextPath().length());
        Object forwarded = req.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = forwarded != null ? forwarded.toString() : req.getQueryString();
        try {
            return org.springframework.web.util.UriComponentsBuilder.fromPath(path).query(query)
                    .replaceQueryParam("lang").build(true).toUriString();
        } catch (IllegalArgumentException e) {
            return path; // a query that is not well encoded: the page without it
        }
    }

    private static boolean isApiOriginal(HttpServletRequest req) {
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith(ApiPaths.API_PREFIX);
    }

    private static HttpStatus statusOf(HttpServletRequest req) {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i) {
            HttpStatus s = HttpStatus.resolve(i);
            if (s != null) {
                return s;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
