package vn.bluezone.device;

import java.util.List;
import java.util.Objects;

import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.protocol.risk.RiskConfiguration;

/**
 * What fetching the key server's configuration ({@code GET /api/v1/config}) did on this phone.
 *
 * @param verified          a document arrived and its signature verified with a trusted key
 * @param problem           why nothing was taken from the server ({@code UNREACHABLE}, {@code UNSIGNED},
 *                          {@code SIGNATURE_MISMATCH}, {@code UNREADABLE}, then a colon and details); null when
 *                          verified
 * @param risk              the risk configuration in force (the server's, else the last verified, else the
 *                          shipped Vietnam default)
 * @param dutyCycle         the scan duty cycle in force from the next scan on
 * @param dutyCycleChanged  this document changed the duty cycle
 * @param notApplied        parts of a verified document the phone refused, each with the reason and what it kept
 *                          (e.g. {@code scanning: scan window 90 s is outside 1..60 s; keeping 4 s every 300 s})
 * @param appVersion        this app's version
 * @param minimumAppVersion the version the server last required (verified), or null
 * @param updateRequired    the app is older than {@code minimumAppVersion}: the user must update
 * @param healthHotline     the health hotline the server last sent (verified, {@code health.hotline}), or null: the
 *                          app then shows the one it ships with
 */
public record ConfigurationRefresh(boolean verified, String problem, RiskConfiguration risk, DutyCycle dutyCycle,
                                   boolean dutyCycleChanged, List<String> notApplied, String appVersion,
                                   String minimumAppVersion, boolean updateRequired,
                                   String healthHotline) {
    public ConfigurationRefresh {
        Objects.requireNonNull(risk);
        Objects.requireNonNull(dutyCycle);
        notApplied = List.copyOf(notApplied);
        if (verified == (problem != null)) {
            throw new IllegalArgumentException("a problem is given exactly when the document was not verified");
        }
    }
}
