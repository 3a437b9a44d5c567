package vn.bluezone.device;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.ExportPublicKey;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.server.SubmissionResult;
import vn.bluezone.device.server.VerifiedCode;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.risk.RiskConfiguration;

/**
 * A key server that only serves a configuration document, signed with its own P-256 key the way the real
 * {@code GET /api/v1/config} does (ECDSA SHA-256 over the document's UTF-8 bytes), and an empty export index.
 */
final class SignedConfigServer implements KeyServerClient {
    private final KeyPair signing = P256Keys.generate();
    private volatile SignedConfiguration served;

    String publicKeyPem() {
        return P256Keys.toPem(signing.getPublic());
    }

    /** The server's document shape; {@code minimumAppVersion} null leaves it out. */
    static String document(RiskConfiguration risk, String scanWindow, String scanInterval, String minimumAppVersion) {
        return "{\"version\":1,\"risk\":" + risk.toJson() + ",\"scanning\":{\"scanWindowSeconds\":" + scanWindow
                + ",\"scanIntervalSeconds\":" + scanInterval + ",\"advertiseIntervalMillis\":250}"
                + (minimumAppVersion == null ? "" : ",\"minimumAppVersion\":\"" + minimumAppVersion + "\"") + "}";
    }

    static String document(int scanWindow, int scanInterval, String minimumAppVersion) {
        return document(RiskConfiguration.vietnamDefault(), Integer.toString(scanWindow),
                Integer.toString(scanInterval), minimumAppVersion);
    }

    SignedConfiguration sign(String json) {
        return signWith(signing, json);
    }

    static SignedConfiguration signWith(KeyPair key, String json) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key.getPrivate());
            s.update(json.getBytes(StandardCharsets.UTF_8));
            return new SignedConfiguration(json, Base64.getEncoder().encodeToString(s.sign()), "test");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves {@code json} signed with this server's key. */
    SignedConfigServer serveSigned(String json) {
        served = sign(json);
        return this;
    }

    /** Serves exactly this (e.g. a tampered or unsigned document). */
    SignedConfigServer serve(SignedConfiguration c) {
        served = c;
        return this;
    }

    @Override
    public SignedConfiguration configuration() throws KeyServerException {
        if (served == null) {
            throw new KeyServerException(503, "unavailable", "no configuration yet");
        }
        return served;
    }

    @Override
    public List<String> exportIndex(String region) {
        return List.of();
    }

    @Override
    public byte[] exportFile(String region, String fileName) throws KeyServerException {
        throw new KeyServerException(404, "not_found", fileName);
    }

    @Override
    public VerifiedCode verify(String code) {
        throw new AssertionError("not used");
    }

    @Override
    public String certificate(String token, String keyHmacBase64) {
        throw new AssertionError("not used");
    }

    @Override
    public SubmissionResult submit(DiagnosisKeyUpload upload) {
        throw new AssertionError("not used");
    }

    @Override
    public ExportPublicKey exportPublicKey() {
        return new ExportPublicKey("test", "v1", publicKeyPem());
    }
}
