package vn.bluezone.server.keys.verification;

import vn.bluezone.api.ErrorCode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.web.Dates;

/**
 * Codes for a list of cases at once (a ward's test results): a CSV with the header
 * {@code ma_ho_so,loai,ngay_khoi_phat,ngay_xet_nghiem} (or {@code case_reference,report_type,symptom_date,test_date}),
 * comma or semicolon, dates dd/mm/yyyy, type {@code xet_nghiem} / {@code lam_sang} / {@code f1} (or the English enum
 * names). Every row is checked first; one bad row and nothing is issued, every bad row is listed. At most 200 rows.
 */
@Component
public class BulkCodes {
    public static final int MAX_ROWS = 200;
    private static final Map<String, String> HEADERS = Map.of("ma_ho_so", "ref", "case_reference", "ref",
            "loai", "type", "report_type", "type", "ngay_khoi_phat", "symptom", "symptom_date", "symptom",
            "ngay_xet_nghiem", "test", "test_date", "test");
    private static final Map<String, ReportType> TYPES = Map.of("xet_nghiem", ReportType.CONFIRMED_TEST,
            "confirmed_test", ReportType.CONFIRMED_TEST, "lam_sang", ReportType.CONFIRMED_CLINICAL_DIAGNOSIS,
            "confirmed_clinical_diagnosis", ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, "f1", ReportType.RECURSIVE,
            "recursive", ReportType.RECURSIVE);

    private final VerificationService codes;
    private final TransactionTemplate transaction;

    public BulkCodes(VerificationService codes, TransactionTemplate transaction) {
        this.codes = codes;
        this.transaction = transaction;
    }

    /** A bad row: its line number in the file (header = 1) and the error code (bundle {@code codes.bulk.<code>}). */
    public record RowProblem(int line, String code, String value) {
    }

    /** The rows were refused; nothing was issued. */
    public static class Rejected extends DomainException {
        private final transient List<RowProblem> problems;

        public Rejected(List<RowProblem> problems) {
            super(ErrorCode.BULK_REJECTED, problems.size()
                    + " row(s) refused; nothing was issued");
            this.problems = List.copyOf(problems);
        }

        public List<RowProblem> problems() {
            return problems;
        }
    }

    public List<VerificationService.IssuedCode> issue(Official officer, String csv) {
        List<String> lines = csv == null ? List.of() : csv.replace("\r", "").lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new Rejected(List.of(new RowProblem(1, "EMPTY", "")));
        }
        String sep = lines.get(0).contains(";") ? ";" : ",";
        String[] header = lines.get(0).replace("\uFEFF", "").split(sep, -1);
        String[] columns = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            columns[i] = HEADERS.get(header[i].strip().toLowerCase(Locale.ROOT));
        }
        if (!List.of(columns).contains("ref") || !List.of(columns).contains("type")) {
            throw new Rejected(List.of(new RowProblem(1, "BAD_HEADER", lines.get(0))));
        }
        List<RowProblem> problems = new ArrayList<>();
        List<VerificationService.IssueRequest> requests = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            int line = n + 1;
            String[] cells = lines.get(n).split(sep, -1);
            Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < columns.length && i < cells.length; i++) {
                if (columns[i] != null) {
                    row.put(columns[i], Normalizer.normalize(cells[i].strip(), Normalizer.Form.NFC));
                }
            }
            int before = problems.size();
            ReportType type = TYPES.get(row.getOrDefault("type", "").toLowerCase(Locale.ROOT));
            if (type == null) {
                problems.add(new RowProblem(line, "BAD_TYPE", row.getOrDefault("type", "")));
            }
            LocalDate symptom = day(row.get("symptom"), line, problems);
            LocalDate test = day(row.get("test"), line, problems);
            String ref = row.getOrDefault("ref", "");
            if (ref.isBlank()) {
                problems.add(new RowProblem(line, "REFERENCE_REQUIRED", ""));
            } else {
                try {
                    VerificationService.caseReference(ref);
                } catch (DomainException e) {
                    problems.add(new RowProblem(line, "BAD_REFERENCE", ref));
                }
            }
            if (problems.size() == before) {
                requests.add(new VerificationService.IssueRequest(type, symptom, test, null, ref));
            }
        }
        if (problems.isEmpty() && requests.isEmpty()) {
            problems.add(new RowProblem(2, "EMPTY", ""));
        }
        if (requests.size() > MAX_ROWS) {
            problems.add(new RowProblem(MAX_ROWS + 2, "TOO_MANY", String.valueOf(requests.size())));
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        // The service's own checks (dates in range, region) may still refuse a row: then the whole file is refused.
        List<VerificationService.IssuedCode> issued = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                int i = 0;
                for (VerificationService.IssueRequest r : requests) {
                    i++;
                    try {
                        issued.add(codes.issue(officer, r));
                    } catch (DomainException e) {
                        throw new RowFailure(i, e);
                    }
                }
            });
        } catch (RowFailure f) {
            issued.clear();
            throw new Rejected(List.of(new RowProblem(lineOf(lines, f.index), f.cause.code(), "")));
        }
        return issued;
    }

    /** The file line of the n-th data row (blank lines skipped). */
    private static int lineOf(List<String> lines, int index) {
        int seen = 0;
        for (int n = 1; n < lines.size(); n++) {
            if (!lines.get(n).isBlank() && ++seen == index) {
                return n + 1;
            }
        }
        return lines.size();
    }

    private static LocalDate day(String s, int line, List<RowProblem> problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return Dates.parse(s).orElseGet(() -> {
            problems.add(new RowProblem(line, "BAD_DATE", s));
            return null;
        });
    }

    private static final class RowFailure extends RuntimeException {
        final int index;
        final DomainException cause;

        RowFailure(int index, DomainException cause) {
            super(cause.getMessage(), null, false, false);
            this.index = index;
            this.cause = cause;
        }
    }
}
