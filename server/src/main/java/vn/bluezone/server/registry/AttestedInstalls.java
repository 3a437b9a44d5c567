package vn.bluezone.server.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.bluezone.api.registry.Attestation;
import vn.bluezone.server.registry.attestation.Attestations;
import vn.bluezone.server.registry.attestation.DeviceAttestation;

/**
 * Marks installs attested (issue 15 §3): the device row records the kind and day, and the roll-ups count the install
 * in {@code attested_installs} once, on the day it became attested, in the caller's transaction.
 */
@Component
public class AttestedInstalls {
    private final JdbcTemplate jdbc;
    private final Attestations attestations;
    private final InstallCounters counters;

    public AttestedInstalls(JdbcTemplate jdbc, Attestations attestations, InstallCounters counters) {
        this.jdbc = jdbc;
        this.attestations = attestations;
        this.counters = counters;
    }

    /** The verdict on a registration's attestation, or null when it carries none (then it counts as unattested). */
    DeviceAttestation.Verdict verifyRegistration(Attestation a, String installationId) {
        return a == null ? null : attestations.verifyRegistration(a, installationId);
    }

    DeviceAttestation.Verdict verifyHeartbeat(Attestation a, String deviceId) {
        return a == null ? null : attestations.verifyHeartbeat(a, deviceId);
    }

    /** A new device row was written with the verdict's kind: tie its App Attest key to it. */
    void registered(DeviceAttestation.Verdict verdict, String deviceId) {
        if (verdict != null) {
            attestations.bind(verdict, deviceId);
        }
    }

    /**
     * A device registered before (or counted as unattested) presented a verdict: it becomes attested on {@code day}
     * unless it already was; returns true when this call counted it.
     */
    boolean attestExisting(DeviceAttestation.Verdict verdict, String deviceId, List<String> chain, LocalDate day) {
        if (verdict == null) {
            return false;
        }
        attestations.bind(verdict, deviceId);
        int changed = jdbc.update("UPDATE device SET attestation_kind = ?, attested_day = ? WHERE id = ? "
                + "AND attestation_kind IS NULL", verdict.kind(), Date.valueOf(day), deviceId);
        if (changed == 1) {
            counters.attestedLater(chain, day);
            return true;
        }
        return false;
    }
}
