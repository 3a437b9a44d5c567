package vn.bluezone.server.registry.attestation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.Attestation;
import vn.bluezone.api.registry.AttestationBinding;

/**
 * The verifiers this server is configured with ({@link AttestationProperties}), by kind. A registration or heartbeat
 * without attestation is stored as unattested; one with an attestation of a kind this server does not check, or one
 * that fails, is refused with a stable code: a phone with a broken verdict learns why instead of silently counting
 * apart.
 */
@Component
@EnableConfigurationProperties(AttestationProperties.class)
public class Attestations {
    private final Map<String, DeviceAttestation> verifiers = new LinkedHashMap<>();
    private final AppAttestKeys appAttestKeys;
    private final boolean requiredForRanking;

    @org.springframework.beans.factory.annotation.Autowired
    public Attestations(AttestationProperties properties, JdbcTemplate jdbc, Clock clock) {
        this.appAttestKeys = new AppAttestKeys(jdbc);
        this.requiredForRanking = properties.requiredForRanking();
        if (properties.playIntegrity().enabled()) {
            add(new PlayIntegrityVerifier(properties.playIntegrity(), clock));
        }
        if (properties.androidKey().enabled()) {
            add(AndroidKeyAttestationVerifier.of(properties.androidKey(), roots(
                    properties.androidKey().rootCertificates(), "android-key"), clock));
        }
        if (properties.appAttest().enabled()) {
            add(new AppAttestVerifier(properties.appAttest().appId(), roots(properties.appAttest().rootCertificates(),
                    "app-attest"),
                    properties.appAttest().development(), appAttestKeys, clock));
        }
        if (properties.test().enabled()) {
            add(new TestAttestationVerifier(properties.test(), clock));
        }
    }

    /** For tests and other wiring: a set of verifiers chosen by hand. */
    public Attestations(List<DeviceAttestation> list, JdbcTemplate jdbc, boolean requiredForRanking) {
        this.appAttestKeys = new AppAttestKeys(jdbc);
        this.requiredForRanking = requiredForRanking;
        list.forEach(this::add);
    }

    private void add(DeviceAttestation v) {
        verifiers.put(v.kind(), v);
    }

    public Set<String> enabledKinds() {
        return verifiers.keySet();
    }

    /** Whether the rate officials are ranked on counts attested installs only. */
    public boolean requiredForRanking() {
        return requiredForRanking;
    }

    /** Verifies the attestation of a registration; it must carry the installationId it is bound to. */
    public DeviceAttestation.Verdict verifyRegistration(Attestation a, String installationId) {
        if (installationId == null || installationId.isBlank()) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_NEEDS_INSTALLATION_ID,
                    "An attested registration carries its installationId: the attestation is bound to it");
        }
        return verify(a, AttestationBinding.registrationText(installationId));
    }

    public DeviceAttestation.Verdict verifyHeartbeat(Attestation a, String deviceId) {
        return verify(a, AttestationBinding.heartbeatText(deviceId));
    }

    private DeviceAttestation.Verdict verify(Attestation a, String bindingText) {
        String kind = a.kind() == null ? "" : a.kind().trim().toUpperCase(Locale.ROOT);
        if (!List.of(Attestation.PLAY_INTEGRITY, Attestation.ANDROID_KEY, Attestation.APP_ATTEST, Attestation.TEST)
                .contains(kind)) {
            throw AttestationRefusal.of(ErrorCode.BAD_ATTESTATION,
                    "attestation.kind is PLAY_INTEGRITY, ANDROID_KEY or APP_ATTEST");
        }
        if (a.token() == null || a.token().isBlank()) {
            throw AttestationRefusal.of(ErrorCode.BAD_ATTESTATION, "attestation.token is required");
        }
        DeviceAttestation verifier = verifiers.get(kind);
        if (verifier == null) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_KIND_NOT_ACCEPTED,
                    "This server does not check " + kind + " attestations; send the request without one");
        }
        return verifier.verify(a, AttestationBinding.digest(bindingText));
    }

    /** Ties an App Attest key to the one install it attests (a key attesting a second install is refused). */
    public void bind(DeviceAttestation.Verdict verdict, String deviceId) {
        if (verdict.keyId() != null && !appAttestKeys.bind(verdict.keyId(), deviceId)) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_UNKNOWN_KEY,
                    "This App Attest key attests another install");
        }
    }

    private static List<X509Certificate> roots(List<String> files, String verifier) {
        List<X509Certificate> roots = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String file : files) {
                try (InputStream in = Files.newInputStream(Path.of(file.trim()))) {
                    factory.generateCertificates(in).forEach(c -> roots.add((X509Certificate) c));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("bluezone.registry.attestation." + verifier
                    + ".root-certificates: cannot read "
                    + files + ": " + e.getMessage(), e);
        }
        return roots;
    }
}
