package vn.bluezone.server.registry;

import java.util.List;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/** An import with at least one bad row: nothing was saved; every problem is listed with its row number. */
public class ImportRejectedException extends DomainException {
    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(ErrorCode.IMPORT_REJECTED, problems.size() + " problem(s); nothing was imported. "
                + problems.get(0).message() + (problems.size() > 1 ? " ..." : ""));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
