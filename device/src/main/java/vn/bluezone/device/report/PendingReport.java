package vn.bluezone.device.report;

import java.time.LocalDate;
import java.util.List;

import vn.bluezone.protocol.ReportType;

/**
 * A verified code waiting for the user's consent. Holds the single-use token and what will be uploaded if the
 * user agrees: how many daily keys and which days they cover (shown on the consent screen). Nothing has left the
 * phone yet except the code the user typed.
 */
public record PendingReport(String token, ReportType reportType, LocalDate onsetDate, int keyCount,
                            List<LocalDate> days) {
    public PendingReport {
        days = List.copyOf(days);
    }
}
