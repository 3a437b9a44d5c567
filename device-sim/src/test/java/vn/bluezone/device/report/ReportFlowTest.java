package vn.bluezone.device.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.device.keys.KeyRotation;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.ExportPublicKey;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.server.SubmissionResult;
import vn.bluezone.device.server.VerifiedCode;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.store.SqliteDeviceStorage;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

class ReportFlowTest {
    /** Records every call, so that the test can show what left the phone and when. */
    static final class RecordingServer implements KeyServerClient {
        final List<String> calls = new ArrayList<>();
        String hmac;
        DiagnosisKeyUpload upload;
        /** Failures the next submits throw, in order (after recording the upload, as if the answer were lost). */
        final java.util.ArrayDeque<KeyServerException> submitFailures = new java.util.ArrayDeque<>();
        final List<DiagnosisKeyUpload> uploads = new ArrayList<>();

        @Override
        public VerifiedCode verify(String code) throws KeyServerException {
            calls.add("verify " + code);
            if (!code.equals("12345678")) {
                throw new KeyServerException(400, "code_invalid", "wrong code");
            }
            return new VerifiedCode("token-1", ReportType.CONFIRMED_TEST, LocalDate.of(2021, 7, 18));
        }

        @Override
        public String certificate(String token, String keyHmacBase64) {
            calls.add("certificate " + token);
            hmac = keyHmacBase64;
            return "cert-1";
        }

        @Override
        public SubmissionResult submit(DiagnosisKeyUpload u) throws KeyServerException {
            calls.add("submit " + u.keys().size());
            upload = u;
            uploads.add(u);
            if (!submitFailures.isEmpty()) {
                throw submitFailures.poll();
            }
            return new SubmissionResult(u.keys().size(), List.of());
        }

        @Override
        public List<String> exportIndex(String region) {
            throw new AssertionError();
        }

        @Override
        public byte[] exportFile(String region, String fileName) {
            throw new AssertionError();
        }

        @Override
        public ExportPublicKey exportPublicKey() {
            throw new AssertionError();
        }

        @Override
        public SignedConfiguration configuration() {
            throw new AssertionError();
        }
    }

    /** A flow on 20 days of keys, verified, ready for consent; {@code sleeps} records the waits between attempts. */
    static ReportFlow readyFlow(RecordingServer server, SqliteDeviceStorage db, List<Long> sleeps) throws Exception {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2021-07-01T09:00:00Z"));
        KeyRotation rotation = new KeyRotation(db, clock, new SecureRandom(), -25);
        for (int d = 0; d < 20; d++) {
            rotation.refresh();
            clock.advance(Duration.ofDays(1));
        }
        return new ReportFlow(server, db, rotation, clock, new SecureRandom(), sleeps::add);
    }

    @Test
    void anUploadWithoutAnswerIsResentUnchanged() throws Exception {
        RecordingServer server = new RecordingServer();
        List<Long> sleeps = new ArrayList<>();
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            ReportFlow flow = readyFlow(server, db, sleeps);
            PendingReport pending = flow.verify("12345678");
            // The server stored the upload but the connection broke before the answer; then it was busy.
            server.submitFailures.add(new KeyServerException(0, "network_error", "connection reset"));
            server.submitFailures.add(new KeyServerException(503, "database_unavailable", "try again"));
            ReportResult r = flow.uploadWithConsent(pending);
            assertEquals(14, r.accepted());
            assertEquals(3, server.uploads.size());
            assertEquals(List.of(2_000L, 8_000L), sleeps);
            // The same certificate, keys, HMAC key and padding each time: the server recognises the repeat.
            assertTrue(server.uploads.stream().allMatch(u -> u == server.uploads.get(0)));
            assertEquals(1, server.calls.stream().filter(c -> c.startsWith("certificate")).count());
            assertTrue(ReportFlow.reportedAt(db).isPresent());
        }
    }

    @Test
    void aRefusedUploadIsNotRetriedAndThreeLostAnswersGiveUp() throws Exception {
        RecordingServer server = new RecordingServer();
        List<Long> sleeps = new ArrayList<>();
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            ReportFlow flow = readyFlow(server, db, sleeps);
            server.submitFailures.add(new KeyServerException(400, "certificate_used", "used"));
            KeyServerException refused = assertThrows(KeyServerException.class,
                    () -> flow.uploadWithConsent(flow.verify("12345678")));
            assertEquals(400, refused.status());
            assertEquals(1, server.uploads.size());
            assertTrue(sleeps.isEmpty());
            for (int i = 0; i < 3; i++) {
                server.submitFailures.add(new KeyServerException(0, "network_error", "no route"));
            }
            assertThrows(KeyServerException.class, () -> flow.uploadWithConsent(flow.verify("12345678")));
            assertEquals(4, server.uploads.size());
            assertFalse(ReportFlow.reportedAt(db).isPresent());
        }
    }

    @Test
    void uploadsTheLast14DaysOnlyAfterConsentThenStartsAFreshKey() throws Exception {
        Instant start = Instant.parse("2021-07-01T09:00:00Z");
        SimulatedClock clock = new SimulatedClock(start);
        RecordingServer server = new RecordingServer();
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            KeyRotation rotation = new KeyRotation(db, clock, new SecureRandom(), -25);
            // 20 days of keys.
            for (int d = 0; d < 20; d++) {
                rotation.refresh();
                clock.advance(Duration.ofDays(1));
            }
            clock.advance(Duration.ofHours(1)); // 2021-07-21T10:00Z
            rotation.refresh();
            ReportFlow flow = new ReportFlow(server, db, rotation, clock, new SecureRandom());

            assertThrows(KeyServerException.class, () -> flow.verify("999"));
            PendingReport pending = flow.verify(" 12345678 ");
            assertEquals(List.of("verify 999", "verify 12345678"), server.calls, "only the code has left the phone");
            assertEquals(14, pending.keyCount());
            assertEquals(LocalDate.of(2021, 7, 8), pending.days().get(0));
            assertEquals(LocalDate.of(2021, 7, 21), pending.days().get(13));
            byte[] onAirBefore = rotation.currentKeyData();

            ReportResult r = flow.uploadWithConsent(pending);

            assertEquals(List.of("verify 999", "verify 12345678", "certificate token-1", "submit 14"), server.calls);
            assertEquals(new ReportResult(14, 14, List.of()), r);
            List<TemporaryExposureKey> sent = server.upload.keys();
            long now = EnIntervalNumber.of(clock.instant());
            long today = EnIntervalNumber.dayStart(now);
            assertEquals(today - 13 * 144, sent.get(0).rollingStartIntervalNumber());
            TemporaryExposureKey todays = sent.get(13);
            assertTrue(Arrays.equals(onAirBefore, todays.keyData()), "today's key is uploaded, shortened");
            assertEquals(now - today + 1, todays.rollingPeriod());
            // The certificate bound exactly these keys under the uploaded HMAC key.
            assertEquals(server.hmac, KeyHmac.computeBase64(Base64.getDecoder().decode(server.upload.hmacKeyBase64()), DiagnosisKey.of(sent)));
            assertEquals("cert-1", server.upload.certificate());
            assertTrue(server.upload.padding().length() > 300);
            // A fresh key is on air now and is not among the uploaded ones.
            byte[] onAirAfter = rotation.currentKeyData();
            assertFalse(Arrays.equals(onAirBefore, onAirAfter));
            assertTrue(sent.stream().noneMatch(k -> Arrays.equals(k.keyData(), onAirAfter)));
            assertTrue(ReportFlow.reportedAt(db).isPresent());
        }
    }

    @Test
    void hmacMessageIsSortedAndDotted() {
        byte[] k1 = new byte[16];
        byte[] k2 = new byte[16];
        k2[0] = (byte) 0xFF;
        TemporaryExposureKey a = new TemporaryExposureKey(k2, 144, 144, 0, ReportType.UNKNOWN, null);
        TemporaryExposureKey b = new TemporaryExposureKey(k1, 288, 10, 3, ReportType.UNKNOWN, null);
        // Plain string order: "/" (0x2F) sorts before "A" (0x41).
        assertEquals("/wAAAAAAAAAAAAAAAAAAAA==.144.144.0,AAAAAAAAAAAAAAAAAAAAAA==.288.10.3",
                KeyHmac.message(DiagnosisKey.of(List.of(a, b))));
    }
}
