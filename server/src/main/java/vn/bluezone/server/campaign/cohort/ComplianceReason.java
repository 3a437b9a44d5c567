package vn.bluezone.server.campaign.cohort;

/**
 * Why a person under a health measure does not count as compliant (issue 15 §3): compliant means an install verified
 * by an official, attested by the phone's platform, that keeps sending heartbeats with Bluetooth on. A scripted
 * heartbeat from an unattested install is no longer enough. Labels: {@code campaign.cohorts.reason.*}.
 */
public enum ComplianceReason {
    /** No install verified by an official yet. */
    NOT_VERIFIED,
    /** The verified install was never attested: "cài chưa xác thực". */
    UNATTESTED,
    /** The install is attested but sent no heartbeat in the last 48 hours, or reported Bluetooth off. */
    NOT_ACTIVE
}
