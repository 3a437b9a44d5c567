package vn.bluezone.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * Turns every failure of an API call into {@code {"error":"STABLE_CODE","message":"..."}} with a 4xx status:
 * the features' {@link DomainException}s by their code ({@link ErrorStatus}), the framework's own refusals through
 * Spring's {@link ResponseEntityExceptionHandler} ({@link FrameworkErrors} says what each is). Bad input never
 * yields a 500 or a stack trace. For console pages (not under /api/) the status is passed on to the servlet error
 * page instead, which renders HTML.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class GlobalExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);
    /** One line per refused API request (method, path, status, code; never the body or the query string). */
    private static final Logger refused = LoggerFactory.getLogger("vn.bluezone.server.web.Refused");
    static final int DATABASE_RETRY_AFTER_SECONDS = 10;
    /**
     * The request attribute holding a console page's refusal ({@link ApiError}) for the HTML error page, which names
     * the refused field in the reader's language ({@link RefusedFields}).
     */
    public static final String REFUSAL = GlobalExceptionHandler.class.getName() + ".refusal";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ApiError> domain(DomainException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        if (e.retryAfterSeconds() > 0) {
            res.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        List<ApiError.FieldProblem> fields = e.field() == null ? List.of()
                : List.of(new ApiError.FieldProblem(e.field(), e.getMessage()));
        return respond(req, res, ErrorStatus.of(e), new ApiError(e.errorCode(), e.getMessage(), fields));
    }

    /** Every framework refusal the base class sorted out, with its status, answered in the contract's shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ServletWebRequest web = (ServletWebRequest) request;
        HttpServletRequest req = web.getRequest();
        HttpServletResponse res = web.getResponse();
        if (res != null && res.isCommitted()) {
            return null;
        }
        ApiError error;
        if (status.is5xxServerError()) {
            log.error("Unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            error = new ApiError(ErrorCode.INTERNAL_ERROR, "the server could not complete the request");
        } else {
            error = FrameworkErrors.describe(e, status);
        }
        try {
            ResponseEntity<ApiError> answer = respond(req, res, status, error);
            return answer == null ? null : ResponseEntity.status(answer.getStatusCode()).headers(headers)
                    .contentType(MediaType.APPLICATION_JSON).body(answer.getBody());
        } catch (IOException io) {
            throw new java.io.UncheckedIOException(io);
        }
    }

    @ExceptionHandler(BindException.class) // a form or query object that failed to bind or validate
    ResponseEntity<ApiError> invalid(BindException e, HttpServletRequest req, HttpServletResponse res) throws IOException {
        return respond(req, res, FrameworkErrors.invalid(e));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraint(ConstraintViolationException e, HttpServletRequest req,
                                        HttpServletResponse res) throws IOException {
        return respond(req, res, FrameworkErrors.validationFailed(e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        boolean notMultipart = e.getMessage() != null && e.getMessage().contains("not a multipart request");
        return respond(req, res, notMultipart
                ? new ApiError(ErrorCode.NOT_MULTIPART, "send the file as multipart/form-data in the part 'file'")
                : new ApiError(ErrorCode.MALFORMED_MULTIPART, "the multipart body cannot be read"));
    }

    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ApiError> badMediaType(InvalidMediaTypeException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        return respond(req, res, new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the Content-Type header cannot be read"));
    }

    /**
     * The database does not answer (down, unreachable, pool exhausted): a fast 503 with Retry-After instead of a
     * 500 after the pool's long wait (issue 15 §1). The connection pool's timeout bounds the wait.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, CannotCreateTransactionException.class})
    ResponseEntity<ApiError> databaseDown(Exception e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        log.warn("database unavailable on {} {}: {}", req.getMethod(), req.getRequestURI(), rootMessage(e));
        res.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS));
        return respond(req, res, new ApiError(ErrorCode.DATABASE_UNAVAILABLE,
                "the service is temporarily unavailable; try again in " + DATABASE_RETRY_AFTER_SECONDS + " s"));
    }

    private static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t.getClass().getName().endsWith(".ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> denied(RuntimeException e, HttpServletRequest req, HttpServletResponse res) throws IOException {
        return respond(req, res, new ApiError(ErrorCode.FORBIDDEN, "you are not allowed to do this"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiError> unauthenticated(AuthenticationException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        return respond(req, res, new ApiError(ErrorCode.UNAUTHORIZED, "authentication required"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (e instanceof org.apache.tomcat.util.http.InvalidParameterException && !clientGone(e)) {
            return respond(req, res, new ApiError(ErrorCode.INVALID_PARAMETER, "a parameter cannot be decoded"));
        }
        if (clientGone(e)) {
            // The client stopped sending its body (read timeout) or went away: its fault, one line, no trace.
            return respond(req, res, new ApiError(ErrorCode.BODY_TIMEOUT, "the request body did not arrive in time"));
        }
        if (e instanceof ErrorResponse er && er.getStatusCode().is4xxClientError()) {
            // Other framework errors that carry their own 4xx status and the base class does not list.
            return respond(req, res, er.getStatusCode(), FrameworkErrors.describe(e, er.getStatusCode()));
        }
        log.error("Unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
        return respond(req, res, new ApiError(ErrorCode.INTERNAL_ERROR, "the server could not complete the request"));
    }

    /** An answer whose status is its code's ({@link ErrorStatus}). */
    private static ResponseEntity<ApiError> respond(HttpServletRequest req, HttpServletResponse res, ApiError body)
            throws IOException {
        return respond(req, res, ErrorStatus.of(body.code().orElseThrow()), body);
    }

    /** JSON for API calls; for console pages, hand the status to the servlet error page (HTML). */
    private static ResponseEntity<ApiError> respond(HttpServletRequest req, HttpServletResponse res,
                                                    HttpStatusCode status, ApiError body) throws IOException {
        if (status.is4xxClientError() || status.value() == 503) {
            refused.info("refused {} {}: {} {}", req.getMethod(), req.getRequestURI(), status.value(), body.error());
        }
        if (!ApiPaths.isApi(req)) {
            req.setAttribute(REFUSAL, body);
            res.sendError(status.value());
            return null;
        }
        // JSON whatever the Accept header asks: negotiating an error answer failed with a 500 (fuzz test).
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
