package vn.bluezone.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ErrorCode;

/**
 * The contract's answer to each of the framework's own refusals (the exceptions Spring's
 * {@code ResponseEntityExceptionHandler} sorts out): a stable code and a short message instead of a ProblemDetail.
 * A framework status without a code of its own gets the nearest general one ({@link JsonErrorController#codeOf}).
 */
final class FrameworkErrors {
    private FrameworkErrors() {
    }

    static ApiError describe(Exception e, HttpStatusCode status) {
        if (e instanceof HttpMessageNotReadableException u) {
            return unreadable(u);
        }
        if (e instanceof BindingResult b) { // MethodArgumentNotValidException and BindException
            return invalid(b);
        }
        if (e instanceof HandlerMethodValidationException v) {
            List<ApiError.FieldProblem> fields = new ArrayList<>();
            v.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> fields.add(
                    new ApiError.FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
            return validationFailed(fields);
        }
        if (e instanceof MethodArgumentTypeMismatchException t) { // a path variable or parameter of the wrong type
            return new ApiError(ErrorCode.INVALID_PARAMETER, "parameter '" + t.getName() + "' has the wrong type or format",
                    List.of(new ApiError.FieldProblem(t.getName(), "wrong type or format")));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return new ApiError(ErrorCode.MISSING_PARAMETER, "parameter '" + m.getParameterName() + "' is required",
                    List.of(new ApiError.FieldProblem(m.getParameterName(), "required")));
        }
        if (e instanceof MissingRequestHeaderException m) {
            return new ApiError(ErrorCode.MISSING_HEADER, "header '" + m.getHeaderName() + "' is required");
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return new ApiError(ErrorCode.METHOD_NOT_ALLOWED, "method " + m.getMethod() + " is not allowed here");
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "content type " + m.getContentType() + " is not supported; send application/json");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return new ApiError(ErrorCode.NOT_ACCEPTABLE, "the requested response type is not available");
        }
        if (e instanceof NoResourceFoundException) {
            return new ApiError(ErrorCode.NOT_FOUND, "no such resource");
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return new ApiError(ErrorCode.PAYLOAD_TOO_LARGE, "the request is too large");
        }
        HttpStatus s = HttpStatus.resolve(status.value());
        return new ApiError(s == null ? ErrorCode.BAD_REQUEST : JsonErrorController.codeOf(s),
                s == null ? "bad request" : s.getReasonPhrase().toLowerCase(Locale.ROOT));
    }

    /** A body that is not JSON, lacks, or has a field of the wrong type (named with its path). */
    private static ApiError unreadable(HttpMessageNotReadableException e) {
        DatabindException de = null;
        for (Throwable t = e.getCause(); t != null && de == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabindException d) {
                de = d;
            }
        }
        if (de != null && !de.getPath().isEmpty()) {
            String field = fieldPath(de);
            return new ApiError(ErrorCode.INVALID_FIELD, "field '" + field + "' has the wrong type or format",
                    List.of(new ApiError.FieldProblem(field, "wrong type or format")));
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return new ApiError(ErrorCode.MISSING_BODY, "a JSON request body is required");
        }
        return new ApiError(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON");
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

    static ApiError invalid(BindingResult e) {
        List<ApiError.FieldProblem> fields = new ArrayList<>();
        for (FieldError fe : e.getFieldErrors()) {
            fields.add(new ApiError.FieldProblem(fe.getField(),
                    fe.isBindingFailure() ? "wrong type or format" : fe.getDefaultMessage()));
        }
        e.getGlobalErrors().forEach(ge -> fields.add(new ApiError.FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        return validationFailed(fields);
    }

    static ApiError validationFailed(List<ApiError.FieldProblem> fields) {
        String first = fields.isEmpty() ? "invalid request" : fields.get(0).field() + ": " + fields.get(0).problem();
        return new ApiError(ErrorCode.VALIDATION_FAILED, first, fields);
    }
}
