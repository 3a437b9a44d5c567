package vn.bluezone.server.campaign.household;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.bluezone.api.ApiError;

/** A rejected CSV import answers every bad row: {@code fields: [{"field": "row 3", "problem": "..."}]}. */
@RestControllerAdvice(assignableTypes = HouseholdApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ImportErrors {
    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ApiError> rejected(ImportRejected e) {
        List<ApiError.FieldProblem> rows = e.errors().stream()
                .map(r -> new ApiError.FieldProblem("row " + r.row(), r.message())).toList();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ApiError(e.code(), e.getMessage(), rows));
    }
}
