package vn.bluezone.server.keys.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.server.keys.distribution.DiagnosisKeyStore;
import vn.bluezone.server.keys.distribution.Embargo;
import vn.bluezone.server.keys.distribution.ExportStore;
import vn.bluezone.server.keys.verification.CertificateStore;
import vn.bluezone.server.keys.verification.CodeStore;

/**
 * The key server's stores, each the one owner of its tables, against a database holding only the keys
 * migrations: records in, records out. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class KeyStoresTests {
    static final Instant NOW = Instant.parse("2030-01-07T10:20:00Z");

    CertificateStore certificates;
    DiagnosisKeyStore keys;
    ExportStore exports;
    CodeStore codes;

    abstract DataSource database();

    @BeforeEach
    void stores() {
        DataSource ds = database();
        JdbcClient jdbc = JdbcClient.create(ds);
        JdbcTemplate batch = new JdbcTemplate(ds);
        certificates = new CertificateStore(jdbc, batch);
        keys = new DiagnosisKeyStore(jdbc, batch, new Embargo(Duration.ofHours(2)));
        exports = new ExportStore(jdbc, batch);
        codes = new CodeStore(jdbc);
    }

    @Test
    void aCertificateIsRedeemedOnceWithItsOwnTokenBeforeItExpires() {
        certificates.recordIssued("a", "hash-a", NOW.plusSeconds(900));
        certificates.recordIssued("late", "hash-l", NOW.minusSeconds(1));
        assertThat(certificates.redeem(new CertificateStore.Redemption("a", "other", NOW, null))).isFalse();
        assertThat(certificates.redeem(new CertificateStore.Redemption("late", "hash-l", NOW, null))).isFalse();
        assertThat(certificates.keptResult("a", "hash-a")).isEmpty();
        assertThat(certificates.redeem(new CertificateStore.Redemption("a", "hash-a", NOW, null))).isTrue();
        assertThat(certificates.redeem(new CertificateStore.Redemption("a", "hash-a", NOW, null))).isFalse();
        certificates.keepResult("a", ",KEY_TOO_OLD");
        assertThat(certificates.keptResult("a", "hash-a")).contains(",KEY_TOO_OLD");
        assertThat(certificates.keptResult("a", "other")).isEmpty();
    }

    @Test
    void manyRedemptionsInOneBatchAnswerEachOnItsOwn() {
        certificates.recordIssued("x", "hx", NOW.plusSeconds(900));
        certificates.recordIssued("y", "hy", NOW.plusSeconds(900));
        boolean[] redeemed = certificates.redeemMany(List.of(new CertificateStore.Redemption("x", "hx", NOW, "r1"),
                new CertificateStore.Redemption("nobody", "hn", NOW, "r2"),
                new CertificateStore.Redemption("y", "wrong", NOW, "r3")));
        assertThat(redeemed).containsExactly(true, false, false);
        assertThat(certificates.keptResult("x", "hx")).contains("r1");
        assertThat(certificates.keptResult("y", "hy")).isEmpty();
    }

    @Test
    void aCertificateSignedElsewhereIsRecordedUsedOnceAndExpiredOnesAreDeleted() {
        assertThat(certificates.isRecorded("z")).isFalse();
        assertThat(certificates.recordRedeemed("z", "hz", NOW.plusSeconds(60), NOW)).isTrue();
        assertThat(certificates.isRecorded("z")).isTrue();
        assertThat(certificates.recordRedeemed("z", "hz", NOW.plusSeconds(60), NOW)).isFalse();
        certificates.recordIssued("old", "ho", NOW.minus(Duration.ofDays(2)));
        assertThat(certificates.deleteExpiredBefore(NOW.minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(certificates.isRecorded("old")).isFalse();
        assertThat(certificates.isRecorded("z")).isTrue();
    }

    @Test
    void keysAreReadBackByTheHourTheEmbargoLetsThemOutDuplicatesOnce() {
        Instant hour = NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        int yesterday = (int) EnIntervalNumber.dayStart(EnIntervalNumber.of(NOW)) - 144;
        int today = yesterday + 144;
        keys.insertAll(List.of(key(1, yesterday, "79", 3, hour), key(1, yesterday, "79", 3, hour),
                key(2, yesterday, "01", null, hour), key(3, today, "79", 0, hour)));
        Instant tomorrow2 = Instant.parse("2030-01-08T02:00:00Z"); // today's key: end of day plus 2 h
        assertThat(keys.availableHours(hour.minus(Duration.ofDays(1)), tomorrow2)).containsExactly(hour, tomorrow2);
        assertThat(keys.regionsAvailable(hour, hour.plusSeconds(3600), "VN")).containsExactly("01", "79");
        List<TemporaryExposureKey> all = keys.available(null, hour, hour.plusSeconds(3600));
        assertThat(all).hasSize(2);
        assertThat(all.get(0).daysSinceOnsetOfSymptoms()).isEqualTo(3);
        assertThat(all.get(1).daysSinceOnsetOfSymptoms()).isNull();
        assertThat(all.get(1).reportType()).isEqualTo(ReportType.CONFIRMED_TEST);
        assertThat(keys.available("01", hour, hour.plusSeconds(3600))).hasSize(1);
        assertThat(keys.deleteCreatedBefore(hour.plusSeconds(1))).isEqualTo(4);
        assertThat(keys.availableHours(hour.minus(Duration.ofDays(1)), tomorrow2)).isEmpty();
    }

    @Test
    void batchesPublishTheirFilesInIndexOrderKeepTheirPaddingAndExpire() {
        Instant h0 = Instant.parse("2030-01-07T08:00:00Z");
        Instant h1 = h0.plusSeconds(3600);
        exports.publish(new ExportStore.Batch("79", "HOUR", h1, h1.plusSeconds(3600), 5, 995, NOW),
                List.of(new ExportStore.File("b.zip", 1, 1, 1000, "s2")));
        exports.publish(new ExportStore.Batch("79", "HOUR", h0, h1, 5, 995, NOW),
                List.of(new ExportStore.File("a1.zip", 1, 2, 600, "s0"), new ExportStore.File("a2.zip", 2, 2, 400, "s1")));
        assertThat(exports.fileNames("79", "HOUR")).containsExactly("a1.zip", "a2.zip", "b.zip");
        assertThat(exports.fileNames("79", "DAY")).isEmpty();
        assertThat(exports.builtRegions("HOUR", h0)).containsExactly("79");
        TemporaryExposureKey pad = new TemporaryExposureKey(new byte[16], 100, 144, 4, ReportType.RECURSIVE, null);
        exports.addPadding("79", "HOUR", h0, List.of(pad, pad));
        assertThat(exports.padding("79", "HOUR", h0)).containsExactly(pad, pad);
        assertThat(exports.filesEndedBefore(h1.plusSeconds(1))).extracting(ExportStore.FileRef::path)
                .containsExactlyInAnyOrder("79/a1.zip", "79/a2.zip");
        assertThat(exports.deleteEndedBefore(h1.plusSeconds(1))).isEqualTo(1);
        assertThat(exports.fileNames("79", "HOUR")).containsExactly("b.zip");
    }

    @Test
    void aCodeIsClaimedOnceAndItsTokenUsedOnce() {
        codes.insert(new CodeStore.NewCode("0a1b2c3d-0000-4000-8000-000000000001", "sh", "lh", ReportType.CONFIRMED_TEST,
                LocalDate.of(2030, 1, 5), null, "79", "officer", NOW, NOW.plusSeconds(900), NOW.plusSeconds(86_400),
                "F0-1"));
        CodeStore.Secret secret = codes.byHash("lh").orElseThrow();
        assertThat(secret.shortHash()).isEqualTo("sh");
        assertThat(codes.byIdPrefix("0a1b2c3d", NOW)).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("UNCLAIMED"));
        assertThat(codes.claim(secret.id(), NOW)).isTrue();
        assertThat(codes.claim(secret.id(), NOW)).isFalse();
        assertThat(codes.recent("officer", 10, NOW)).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("CLAIMED"));
        codes.insertToken(new CodeStore.Token("th", secret.id(), ReportType.CONFIRMED_TEST, secret.symptomDate(), null,
                "79", NOW.plusSeconds(60), null));
        assertThat(codes.useToken("th", NOW)).isTrue();
        assertThat(codes.useToken("th", NOW)).isFalse();
        assertThat(codes.token("th").orElseThrow().usedAt()).isEqualTo(NOW);
        assertThat(codes.deleteTokensExpiredBefore(NOW.plusSeconds(61))).isEqualTo(1);
        assertThat(codes.deleteCodesIssuedBefore(NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(codes.recent(null, 10, NOW)).isEmpty();
    }

    private static DiagnosisKeyStore.NewKey key(int fill, int start, String region, Integer dsos, Instant hour) {
        byte[] data = new byte[16];
        java.util.Arrays.fill(data, (byte) fill);
        return new DiagnosisKeyStore.NewKey(data, start, 144, 4, ReportType.CONFIRMED_TEST, dsos, region, hour);
    }
}
