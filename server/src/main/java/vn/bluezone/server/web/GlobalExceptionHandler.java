package vn.bluezone.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ErrorCode;

/**
 * Turns every failure of an API call into {@code {"error":"STABLE_CODE","message":"..."}} with a 4xx status.
 * Bad input never yields a 500 or a stack trace. For console pages (not under /api/) the status is passed on
 * to the servlet error page instead, which renders HTML.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class GlobalExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);
    /** One line per refused API request (method, path, status, code; never the body or the query string). */
    private static final Logger refused = LoggerFactory.getLogger("vn.bluezone.server.web.Refused");
    static final int DATABASE_RETRY_AFTER_SECONDS = 10;

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (e.retryAfterSeconds() > 0) {
            res.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return respond(req, res, e.status(), new ApiError(e.errorCode(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest req,
                                        HttpServletResponse res) throws IOException {
        DatabindException de = null;
        for (Throwable t = e.getCause(); t != null && de == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabindException d) {
                de = d;
            }
        }
        if (de != null && !de.getPath().isEmpty()) {
            String field = fieldPath(de);
            return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.INVALID_FIELD,
                    "field '" + field + "' has the wrong type or format",
                    List.of(new ApiError.FieldProblem(field, "wrong type or format"))));
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.MISSING_BODY, "a JSON request body is required"));
        }
        return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON"));
    }

    private static String fieldPath(DatabindException de) {
        StringBuilder sb = new StringBuilder();
        for (var ref : de.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException
    ResponseEntity<ApiError> invalid(BindException e, HttpServletRequest req, HttpServletResponse res) throws IOException {
        List<ApiError.FieldProblem> fields = new ArrayList<>();
        for (FieldError fe : e.getFieldErrors()) {
            fields.add(new ApiError.FieldProblem(fe.getField(),
                    fe.isBindingFailure() ? "wrong type or format" : fe.getDefaultMessage()));
        }
        e.getGlobalErrors().forEach(ge -> fields.add(new ApiError.FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        String first = fields.isEmpty() ? "invalid request" : fields.get(0).field() + ": " + fields.get(0).problem();
        return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.VALIDATION_FAILED, first, fields));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> methodInvalid(HandlerMethodValidationException e, HttpServletRequest req,
                                           HttpServletResponse res) throws IOException {
        List<ApiError.FieldProblem> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                fields.add(new ApiError.FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        String first = fields.isEmpty() ? "invalid request" : fields.get(0).field() + ": " + fields.get(0).problem();
        return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.VALIDATION_FAILED, first, fields));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraint(ConstraintViolationException e, HttpServletRequest req,
                                        HttpServletResponse res) throws IOException {
        List<ApiError.FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
        String first = fields.isEmpty() ? "invalid request" : fields.get(0).field() + ": " + fields.get(0).problem();
        return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.VALIDATION_FAILED, first, fields));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req,
                                          HttpServletResponse res) throws IOException {
        return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.INVALID_PARAMETER,
                "parameter '" + e.getName() + "' has the wrong type or format",
                List.of(new ApiError.FieldProblem(e.getName(), "wrong type or format"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParam(MissingServletRequestParameterException e, HttpServletRequest req,
                                          HttpServletResponse res) throws IOException {
        return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.MISSING_PARAMETER,
                "parameter '" + e.getParameterName() + "' is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e, HttpServletRequest req,
                                           HttpServletResponse res) throws IOException {
        return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.MISSING_HEADER,
                "header '" + e.getHeaderName() + "' is required"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req,
                                    HttpServletResponse res) throws IOException {
        return respond(req, res, HttpStatus.METHOD_NOT_ALLOWED, new ApiError(ErrorCode.METHOD_NOT_ALLOWED,
                "method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req,
                                       HttpServletResponse res) throws IOException {
        return respond(req, res, HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "content type " + e.getContentType() + " is not supported; send application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req,
                                           HttpServletResponse res) throws IOException {
        return respond(req, res, HttpStatus.NOT_ACCEPTABLE, new ApiError(ErrorCode.NOT_ACCEPTABLE,
                "the requested response type is not available"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        return respond(req, res, HttpStatus.NOT_FOUND, new ApiError(ErrorCode.NOT_FOUND, "no such resource"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        return respond(req, res, HttpStatus.CONTENT_TOO_LARGE, new ApiError(ErrorCode.PAYLOAD_TOO_LARGE, "the request is too large"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        boolean notMultipart = e.getMessage() != null && e.getMessage().contains("not a multipart request");
        return respond(req, res, HttpStatus.BAD_REQUEST, notMultipart
                ? new ApiError(ErrorCode.NOT_MULTIPART, "send the file as multipart/form-data in the part 'file'")
                : new ApiError(ErrorCode.MALFORMED_MULTIPART, "the multipart body cannot be read"));
    }

    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ApiError> badMediaType(InvalidMediaTypeException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        return respond(req, res, HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "the Content-Type header cannot be read"));
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
        res.setHeader("Retry-After", String.valueOf(DATABASE_RETRY_AFTER_SECONDS));
        return respond(req, res, HttpStatus.SERVICE_UNAVAILABLE, new ApiError(ErrorCode.DATABASE_UNAVAILABLE,
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
        return respond(req, res, HttpStatus.FORBIDDEN, new ApiError(ErrorCode.FORBIDDEN, "you are not allowed to do this"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiError> unauthenticated(AuthenticationException e, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        return respond(req, res, HttpStatus.UNAUTHORIZED, new ApiError(ErrorCode.UNAUTHORIZED, "authentication required"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (e instanceof org.apache.tomcat.util.http.InvalidParameterException && !clientGone(e)) {
            return respond(req, res, HttpStatus.BAD_REQUEST, new ApiError(ErrorCode.INVALID_PARAMETER,
                    "a parameter cannot be decoded"));
        }
        if (clientGone(e)) {
            // The client stopped sending its body (read timeout) or went away: its fault, one line, no trace.
            return respond(req, res, HttpStatus.REQUEST_TIMEOUT, new ApiError(ErrorCode.BODY_TIMEOUT,
                    "the request body did not arrive in time"));
        }
        if (e instanceof ErrorResponse er && er.getStatusCode().is4xxClientError()) {
            // Other framework errors that carry their own 4xx status (e.g. a missing path variable).
            HttpStatus s = HttpStatus.resolve(er.getStatusCode().value());
            ErrorCode code = s == null ? ErrorCode.BAD_REQUEST : JsonErrorController.codeOf(s);
            return respond(req, res, er.getStatusCode(), new ApiError(code,
                    s == null ? "bad request" : s.getReasonPhrase().toLowerCase(java.util.Locale.ROOT)));
        }
        log.error("Unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
        return respond(req, res, HttpStatus.INTERNAL_SERVER_ERROR,
                new ApiError(ErrorCode.INTERNAL_ERROR, "the server could not complete the request"));
    }

    /** JSON for API calls; for console pages, hand the status to the servlet error page (HTML). */
    private static ResponseEntity<ApiError> respond(HttpServletRequest req, HttpServletResponse res,
                                                    HttpStatusCode status, ApiError body) throws IOException {
        if (status.is4xxClientError() || status.value() == 503) {
            refused.info("refused {} {}: {} {}", req.getMethod(), req.getRequestURI(), status.value(), body.error());
        }
        if (!ApiPaths.isApi(req)) {
            res.sendError(status.value());
            return null;
        }
        // JSON whatever the Accept header asks: negotiating an error answer failed with a 500 (fuzz test).
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
