package vn.bluezone.device.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.distribution.PublicKeys;
import vn.bluezone.api.distribution.SignedConfig;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.submission.KeyResult;
import vn.bluezone.api.verification.CertificateRequest;
import vn.bluezone.api.verification.CertificateResponse;
import vn.bluezone.api.verification.PowChallenge;
import vn.bluezone.api.verification.ProofOfWork;
import vn.bluezone.api.verification.VerifyRequest;
import vn.bluezone.api.verification.VerifyResponse;
import vn.bluezone.device.port.KeyServerClient;

/**
 * {@link KeyServerClient} over {@link HttpURLConnection} (present on Android and the JVM alike) that reads and
 * writes the api module's records with Jackson. Error answers ({@link ApiError}) become {@link KeyServerException}s
 * carrying the server's code; an answer that does not have the contract's shape is an error too
 * ({@code bad_response}), never guessed at. Requests carry no identifier of the phone beyond what each call needs.
 */
public final class HttpKeyServerClient implements KeyServerClient {
    private static final int MAX_EXPORT_BYTES = 64 * 1024 * 1024;
    private static final int MAX_JSON_BYTES = 1024 * 1024;
    // Unknown fields are tolerated so that a newer server may add some; the client checks what it needs itself.
    private static final ObjectMapper JSON = vn.bluezone.device.PhoneJson.mapper();
    private final URI base;
    private final int timeoutMillis;

    public HttpKeyServerClient(URI base) {
        this(base, Duration.ofSeconds(30));
    }

    public HttpKeyServerClient(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /**
     * Under a guessing attack the server may ask for a proof of work first ({@code PROOF_OF_WORK_REQUIRED}): the
     * client then fetches a challenge, solves it ({@link ProofOfWork}; about a million SHA-256 at the default
     * difficulty, a second or two) and sends the code once more with the solution.
     */
    @Override
    public VerifiedCode verify(String code) throws KeyServerException {
        VerifyResponse r;
        try {
            r = post(ApiPaths.VERIFY, new VerifyRequest(code), VerifyResponse.class);
        } catch (KeyServerException e) {
            if (!ErrorCode.PROOF_OF_WORK_REQUIRED.name().equals(e.errorCode())) {
                throw e;
            }
            PowChallenge c = read(ApiPaths.VERIFY_CHALLENGE, get(ApiPaths.VERIFY_CHALLENGE, 64 * 1024), PowChallenge.class);
            if (c.challenge() == null || c.difficulty() < 0 || c.difficulty() > ProofOfWork.MAX_DIFFICULTY) {
                throw malformed(ApiPaths.VERIFY_CHALLENGE, "no challenge or a difficulty out of 0.." + ProofOfWork.MAX_DIFFICULTY);
            }
            long nonce = ProofOfWork.solve(c.challenge(), c.difficulty());
            r = post(ApiPaths.VERIFY, new VerifyRequest(code, c.challenge(), nonce), VerifyResponse.class);
        }
        if (r.token() == null || r.token().isBlank() || r.reportType() == null) {
            throw malformed(ApiPaths.VERIFY, "no token or report type");
        }
        return new VerifiedCode(r.token(), r.reportType(),
                r.symptomOnsetDate() != null ? r.symptomOnsetDate() : r.testDate());
    }

    @Override
    public String certificate(String token, String keyHmacBase64) throws KeyServerException {
        CertificateResponse r = post(ApiPaths.CERTIFICATE, new CertificateRequest(token, keyHmacBase64),
                CertificateResponse.class);
        if (r.certificate() == null || r.certificate().isBlank()) {
            throw malformed(ApiPaths.CERTIFICATE, "no certificate");
        }
        return r.certificate();
    }

    @Override
    public SubmissionResult submit(DiagnosisKeyUpload upload) throws KeyServerException {
        List<DiagnosisKey> keys = DiagnosisKey.of(upload.keys());
        List<vn.bluezone.api.submission.CheckinReport> checkins = DiagnosisKeyUpload.checkinReports(upload.checkins());
        DiagnosisKeysResponse r = post(ApiPaths.DIAGNOSIS_KEYS, new DiagnosisKeysRequest(keys, upload.certificate(),
                upload.hmacKeyBase64(), upload.padding(), checkins.isEmpty() ? null : checkins), DiagnosisKeysResponse.class);
        SubmissionResult keysResult = submissionResult(r, keys.size());
        if (checkins.isEmpty()) {
            return keysResult;
        }
        if (r.checkinResults() == null || r.checkinResults().size() != checkins.size()) {
            throw malformed(ApiPaths.DIAGNOSIS_KEYS, "expected " + checkins.size() + " check-in results");
        }
        int checkinsAccepted = (int) r.checkinResults().stream().filter(c -> c != null && c.wasAccepted()).count();
        return new SubmissionResult(keysResult.accepted(), keysResult.rejectionReasons(), checkinsAccepted);
    }

    /** One result per key sent, and as many accepted as the server says it stored; otherwise the answer is broken. */
    static SubmissionResult submissionResult(DiagnosisKeysResponse r, int sent) throws KeyServerException {
        if (r.results() == null || r.results().size() != sent) {
            throw malformed(ApiPaths.DIAGNOSIS_KEYS, "expected " + sent + " results, got "
                    + (r.results() == null ? "none" : r.results().size()));
        }
        List<String> reasons = new ArrayList<>();
        int accepted = 0;
        for (KeyResult k : r.results()) {
            if (k == null || k.status() == null) {
                throw malformed(ApiPaths.DIAGNOSIS_KEYS, "a result without status");
            }
            if (k.wasAccepted()) {
                accepted++;
            } else if (KeyResult.REJECTED.equals(k.status()) && k.reason() != null) {
                reasons.add(k.reason());
            } else {
                throw malformed(ApiPaths.DIAGNOSIS_KEYS, "result " + k.index() + " is " + k.status()
                        + " without a reason");
            }
        }
        if (accepted != r.insertedExposures()) {
            throw malformed(ApiPaths.DIAGNOSIS_KEYS, "insertedExposures " + r.insertedExposures() + " but "
                    + accepted + " keys accepted");
        }
        return new SubmissionResult(accepted, reasons);
    }

    @Override
    public List<String> exportIndex(String region) throws KeyServerException {
        String text = new String(get(ApiPaths.exportIndex(region), MAX_JSON_BYTES), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String n = line.strip();
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    @Override
    public byte[] exportFile(String region, String fileName) throws KeyServerException {
        return get(ApiPaths.exportFile(region, fileName), MAX_EXPORT_BYTES);
    }

    @Override
    public ExportPublicKey exportPublicKey() throws KeyServerException {
        PublicKeys r = read(ApiPaths.EXPORT_PUBLIC_KEY, get(ApiPaths.EXPORT_PUBLIC_KEY, 64 * 1024), PublicKeys.class);
        if (r.publicKey() == null || r.publicKey().isBlank()) {
            throw malformed(ApiPaths.EXPORT_PUBLIC_KEY, "no publicKey");
        }
        return new ExportPublicKey(r.keyId(), r.keyVersion(), r.publicKey());
    }

    @Override
    public SignedConfiguration configuration() throws KeyServerException {
        SignedConfig r = read(ApiPaths.CONFIG, get(ApiPaths.CONFIG, MAX_JSON_BYTES), SignedConfig.class);
        if (r.configuration() == null) {
            throw malformed(ApiPaths.CONFIG, "no configuration");
        }
        // The document stays the exact text received: its signature covers those bytes.
        return new SignedConfiguration(r.configuration(), r.signature(), r.keyId());
    }

    private <T> T post(String path, Object body, Class<T> type) throws KeyServerException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JacksonException e) { // an api record always serialises; this would be a programming error
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName(), e);
        }
        return read(path, exchange("POST", path, bytes, MAX_JSON_BYTES), type);
    }

    private byte[] get(String path, int maxBytes) throws KeyServerException {
        return exchange("GET", path, null, maxBytes);
    }

    private static <T> T read(String path, byte[] body, Class<T> type) throws KeyServerException {
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw malformed(path, "empty answer");
            }
            return value;
        } catch (IOException e) { // Jackson 2 declares IOException; from a byte array it is a JacksonException
            String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new KeyServerException(200, "bad_response", path + ": the answer is not a "
                    + type.getSimpleName() + ": " + why, e);
        }
    }

    /** One request; a 2xx answer's body, or a {@link KeyServerException} with the server's error code. */
    private byte[] exchange(String method, String path, byte[] body, int maxBytes) throws KeyServerException {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) base.resolve(ApiPaths.relative(path)).toURL().openConnection();
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setInstanceFollowRedirects(true);
            c.setUseCaches(false);
            c.setRequestMethod(method);
            c.setRequestProperty("Accept", body == null ? "*/*" : "application/json");
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            boolean ok = status / 100 == 2;
            byte[] answer = readAll(ok ? c.getInputStream() : c.getErrorStream(), ok ? maxBytes : 64 * 1024);
            if (answer == null) {
                throw new KeyServerException(status, "too_large", method + " " + path + " is larger than "
                        + maxBytes + " bytes");
            }
            if (!ok) {
                throw error(status, answer);
            }
            return answer;
        } catch (IOException e) {
            throw new KeyServerException(0, "network_error", method + " " + base.resolve(ApiPaths.relative(path))
                    + ": " + e.getMessage(), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** The server's {@link ApiError}; an answer without one keeps the status as its code ({@code http_502}). */
    private static KeyServerException error(int status, byte[] answer) {
        try {
            ApiError e = JSON.readValue(answer, ApiError.class);
            if (e != null && e.error() != null) {
                return new KeyServerException(status, e.error(), e.message() == null ? e.error() : e.message());
            }
        } catch (IOException notJson) {
            // a proxy's or gateway's page: keep the raw text below
        }
        String text = new String(answer, StandardCharsets.UTF_8).strip();
        return new KeyServerException(status, "http_" + status, text.length() > 200 ? text.substring(0, 200) : text);
    }

    /** The stream's bytes, or null when there are more than {@code max}. */
    private static byte[] readAll(InputStream in, int max) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > max) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static KeyServerException malformed(String path, String what) {
        return new KeyServerException(200, "bad_response", path + ": malformed answer: " + what);
    }
}
