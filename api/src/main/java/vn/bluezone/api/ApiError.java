package vn.bluezone.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The one shape of every error answer: {@code {"error":"STABLE_CODE","message":"...","fields":[...]}} with a 4xx
 * (or 503) status. {@code error} stays a string on the wire so that a client tolerates codes newer than itself
 * ({@link #code()}); {@code fields} lists the offending request fields of a validation error and is left out
 * when empty.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(@JsonProperty("error") String error, @JsonProperty("message") String message,
                       @JsonProperty("fields") List<FieldProblem> fields) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ApiError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public ApiError(ErrorCode error, String message) {
        this(error.name(), message, List.of());
    }

    public ApiError(ErrorCode error, String message, List<FieldProblem> fields) {
        this(error.name(), message, fields);
    }

    /** The code as a constant; empty when this version does not know it. */
    public Optional<ErrorCode> code() {
        return ErrorCode.find(error);
    }

    /** One invalid request field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldProblem(@JsonProperty("field") String field, @JsonProperty("problem") String problem) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public FieldProblem {
        }
    }
}
