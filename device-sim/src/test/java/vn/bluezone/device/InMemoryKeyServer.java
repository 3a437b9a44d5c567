package vn.bluezone.device;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.ExportPublicKey;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.server.SubmissionResult;
import vn.bluezone.device.server.VerifiedCode;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.risk.RiskConfiguration;

/**
 * A key server in memory for engine tests, with the real contract's checks that matter to the phone: single-use
 * codes and tokens, the certificate binds the HMAC of the uploaded keys, report type and days since symptom onset
 * (from the code's onset date) on the published keys, and export
 * files written and signed with the protocol's export writer (ECDSA P-256).
 */
final class InMemoryKeyServer implements KeyServerClient, ScenarioServer {
    private final KeyPair signing = P256Keys.generate();
    private final Clock clock;
    private final Map<String, ReportType> codes = new HashMap<>();
    private final Map<String, ReportType> tokens = new HashMap<>();
    private final Map<String, String> certificates = new HashMap<>();
    private final Map<String, ReportType> certificateTypes = new HashMap<>();
    /** Symptom onset (or test) date per code, token and certificate, as the real server carries it. */
    private final Map<String, LocalDate> onsets = new HashMap<>();
    private final List<TemporaryExposureKey> pending = new ArrayList<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private int counter;
    private String hotline;

    InMemoryKeyServer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String publicKeyPem() {
        return P256Keys.toPem(signing.getPublic());
    }

    @Override
    public KeyServerClient client() {
        return this;
    }

    @Override
    public synchronized String issueCode(ReportType type, LocalDate onset) {
        String code = String.format("%08d", 10_000_000 + ++counter);
        codes.put(code, type);
        if (onset != null) {
            onsets.put(code, onset);
        }
        return code;
    }

    @Override
    public synchronized VerifiedCode verify(String code) throws KeyServerException {
        ReportType t = codes.remove(code);
        if (t == null) {
            throw new KeyServerException(400, "code_invalid", "unknown or used code");
        }
        String token = "token-" + ++counter;
        tokens.put(token, t);
        move(code, token);
        return new VerifiedCode(token, t, null);
    }

    @Override
    public synchronized String certificate(String token, String keyHmacBase64) throws KeyServerException {
        ReportType t = tokens.remove(token);
        if (t == null) {
            throw new KeyServerException(400, "token_invalid", "unknown or used token");
        }
        String cert = "cert-" + ++counter;
        certificates.put(cert, keyHmacBase64);
        certificateTypes.put(cert, t);
        move(token, cert);
        return cert;
    }

    @Override
    public synchronized SubmissionResult submit(DiagnosisKeyUpload upload) throws KeyServerException {
        String hmac = certificates.remove(upload.certificate());
        if (hmac == null) {
            throw new KeyServerException(400, "certificate_invalid", "unknown or used certificate");
        }
        if (!hmac.equals(KeyHmac.computeBase64(Base64.getDecoder().decode(upload.hmacKeyBase64()), DiagnosisKey.of(upload.keys())))) {
            throw new KeyServerException(400, "hmac_mismatch", "keys do not match the certificate");
        }
        ReportType t = certificateTypes.remove(upload.certificate());
        LocalDate onset = onsets.remove(upload.certificate());
        for (TemporaryExposureKey k : upload.keys()) {
            pending.add(new TemporaryExposureKey(k.keyData(), k.rollingStartIntervalNumber(), k.rollingPeriod(),
                    k.transmissionRiskLevel(), t, daysSinceOnset(k.rollingStartIntervalNumber(), onset)));
        }
        return new SubmissionResult(upload.keys().size(), List.of());
    }

    private void move(String from, String to) {
        LocalDate onset = onsets.remove(from);
        if (onset != null) {
            onsets.put(to, onset);
        }
    }

    /** As the real server's submission does: key day minus onset day, clamped to ±14 days. */
    private static Integer daysSinceOnset(int rollingStart, LocalDate onset) {
        if (onset == null) {
            return null;
        }
        long d = Math.floorDiv(rollingStart, EnIntervalNumber.TEK_ROLLING_PERIOD) - onset.toEpochDay();
        return (int) Math.max(-14, Math.min(14, d));
    }

    @Override
    public synchronized void publish() {
        Instant now = clock.instant();
        String name = "VN-" + (files.size() + 1) + ".zip";
        byte[] zip = new KeyExportWriter().write(ExportBatch.of("VN", now.minusSeconds(3600), now, List.copyOf(pending)),
                List.of(new SigningKey(signing.getPrivate(), "bluezone-test", "v1")));
        files.put(name, zip);
        pending.clear();
    }

    @Override
    public synchronized List<String> exportIndex(String region) {
        return List.copyOf(files.keySet());
    }

    @Override
    public synchronized byte[] exportFile(String region, String fileName) throws KeyServerException {
        byte[] f = files.get(fileName);
        if (f == null) {
            throw new KeyServerException(404, "not_found", fileName);
        }
        return f.clone();
    }

    @Override
    public ExportPublicKey exportPublicKey() {
        return new ExportPublicKey("bluezone-test", "v1", publicKeyPem());
    }

    /** Sends this health hotline in the configuration ({@code health.hotline}); null (the default): none, as an older server. */
    synchronized void sendHotline(String hotline) {
        this.hotline = hotline;
    }

    @Override
    public synchronized SignedConfiguration configuration() {
        String risk = RiskConfiguration.vietnamDefault().toJson();
        String json = hotline == null ? risk
                : "{\"risk\":" + risk + ",\"health\":{\"hotline\":\"" + hotline + "\"}}";
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(signing.getPrivate());
            s.update(json.getBytes(StandardCharsets.UTF_8));
            return new SignedConfiguration(json, Base64.getEncoder().encodeToString(s.sign()), "bluezone-test");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
