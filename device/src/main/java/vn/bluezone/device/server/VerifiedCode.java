package vn.bluezone.device.server;

import java.time.LocalDate;

import vn.bluezone.protocol.ReportType;

/**
 * The answer to a verified code: a single-use token and what the health officer recorded about the case.
 *
 * @param onsetDate symptom onset or test date, or null when the officer gave none
 */
public record VerifiedCode(String token, ReportType reportType, LocalDate onsetDate) {
}
