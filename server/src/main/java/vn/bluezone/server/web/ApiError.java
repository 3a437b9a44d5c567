package vn.bluezone.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one shape of every API error: a stable machine-readable code (clients switch on it) and a human message.
 * {@code fields} lists the offending request fields for validation errors.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, List<FieldProblem> fields) {

    public ApiError(String error, String message) {
        this(error, message, List.of());
    }

    /** One invalid request field. */
    public record FieldProblem(String field, String problem) {
    }
}
