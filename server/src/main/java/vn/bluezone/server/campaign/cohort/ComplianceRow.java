package vn.bluezone.server.campaign.cohort;

/**
 * Compliance of one unit on a day.
 *
 * @param required people whose cohort period covers the day
 * @param verified of those, with an install verified by an official
 * @param active   of those, compliant: an attested install with a heartbeat in the last 48 hours and Bluetooth on
 * @param unattested of the verified, those whose install was never attested ("cài chưa xác thực"), not compliant
 */
public record ComplianceRow(String unitCode, String unitName, long required, long verified, long active,
                            long unattested) {
    public long needingVisit() {
        return required - active;
    }

    public Double verifiedRate() {
        return required == 0 ? null : (double) verified / required;
    }

    public Double activeRate() {
        return required == 0 ? null : (double) active / required;
    }
}
