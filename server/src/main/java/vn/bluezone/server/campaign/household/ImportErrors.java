package vn.bluezone.server.campaign.household;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.bluezone.api.ApiError;
import vn.bluezone.server.web.ErrorStatus;

/** A rejected CSV import answers every bad row: {@code fields: [{"field": "row 3", "problem": "..."}]}. */
@RestControllerAdvice(assignableTypes = HouseholdApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ImportErrors {
    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ApiError> rejected(ImportRejected e) {
        List<ApiError.FieldProblem> rows = e.errors().stream()
                .map(r -> new ApiError.FieldProblem("row " + r.row(), r.message())).toList();
        return ResponseEntity.status(ErrorStatus.of(e)).body(new ApiError(e.code(), e.getMessage(), rows));
    }
}
