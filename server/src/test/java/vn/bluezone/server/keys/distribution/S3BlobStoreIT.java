package vn.bluezone.server.keys.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.support.RequiresS3Proxy;
import vn.bluezone.server.support.S3Proxy;

/**
 * {@link S3BlobStore} against a real S3 implementation (S3Proxy in a child process), with the SDK's credentials
 * from the default chain (system properties), in both request checksum modes.
 */
@RequiresS3Proxy
class S3BlobStoreIT {
    static S3Proxy proxy;
    static S3Client admin;

    @BeforeAll
    static void start() {
        proxy = S3Proxy.start();
        System.setProperty("aws.accessKeyId", proxy.accessKey());
        System.setProperty("aws.secretAccessKey", proxy.secretKey());
        admin = S3Client.builder().endpointOverride(URI.create(proxy.endpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(proxy.accessKey(), proxy.secretKey()))).build();
        admin.createBucket(b -> b.bucket("exports"));
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (admin != null) {
            admin.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The export settings as Spring binds them from {@code bluezone.keys.export.*}. */
    static KeysProperties.Export export(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>();
        m.put("bluezone.keys.export.store", "s3");
        m.put("bluezone.keys.export.s3.bucket", "exports");
        m.put("bluezone.keys.export.s3.endpoint", proxy == null ? "" : proxy.endpoint());
        m.put("bluezone.keys.export.s3.path-style", "true");
        m.put("bluezone.keys.export.index-max-age-seconds", "120");
        m.put("bluezone.keys.export.file-max-age-seconds", "7200");
        m.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(m)).bindOrCreate("bluezone.keys", KeysProperties.class)
                .export();
    }

    @Test
    void putGetDeleteWithCacheControlAndContentType() {
        String root = "bluezone/exports";
        try (S3BlobStore store = new S3BlobStore(export(Map.of("bluezone.keys.export.s3.prefix", root + "/")))) {
            byte[] zip = new byte[300_000];
            new Random(7).nextBytes(zip);
            store.put("VN/hour-1.zip", zip, "application/zip");
            byte[] index = "VN/hour-1.zip\n".getBytes(StandardCharsets.UTF_8);
            store.put("VN/index.txt", index, "text/plain; charset=utf-8");

            assertThat(store.get("VN/hour-1.zip")).hasValueSatisfying(b -> assertThat(b).isEqualTo(zip));
            assertThat(store.get("VN/index.txt")).hasValueSatisfying(b -> assertThat(b).isEqualTo(index));

            // What a CDN in front of the bucket would see: the object under the prefix, with its headers.
            HeadObjectResponse file = admin.headObject(b -> b.bucket("exports").key(root + "/VN/hour-1.zip"));
            assertThat(file.contentType()).isEqualTo("application/zip");
            assertThat(file.cacheControl()).isEqualTo("public, max-age=7200");
            assertThat(file.contentLength()).isEqualTo(zip.length);
            HeadObjectResponse idx = admin.headObject(b -> b.bucket("exports").key(root + "/VN/index.txt"));
            // S3Proxy stores it as "text/plain;charset=utf-8": the same media type.
            assertThat(MediaType.parseMediaType(idx.contentType())).isEqualTo(MediaType.parseMediaType("text/plain; charset=utf-8"));
            assertThat(idx.cacheControl()).isEqualTo("public, max-age=120");

            // Overwriting an index replaces it.
            byte[] index2 = "VN/hour-1.zip\nVN/hour-2.zip\n".getBytes(StandardCharsets.UTF_8);
            store.put("VN/index.txt", index2, "text/plain; charset=utf-8");
            assertThat(store.get("VN/index.txt")).hasValueSatisfying(b -> assertThat(b).isEqualTo(index2));

            store.delete("VN/hour-1.zip");
            assertThat(store.get("VN/hour-1.zip")).isEmpty();
            assertThatThrownBy(() -> admin.headObject(b -> b.bucket("exports").key(root + "/VN/hour-1.zip")))
                    .isInstanceOf(S3Exception.class);
            store.delete("VN/hour-1.zip"); // deleting what is gone is no error
            assertThat(store.list("VN/")).containsExactly("VN/index.txt");
        }
    }

    @Test
    void sdkDefaultChecksumTrailersAreRefusedByThisS3ImplementationHenceWhenRequired() {
        // The AWS SDK's default since 2.30 sends uploads aws-chunked with a CRC32 trailer; S3Proxy 2.7.0, like
        // several S3-compatible stores, answers 501 NotImplemented. This is why when-required is the default.
        try (S3BlobStore store = new S3BlobStore(export(Map.of("bluezone.keys.export.s3.request-checksums",
                "when-supported")))) {
            assertThatThrownBy(() -> store.put("VN/trailer.zip", new byte[]{1, 2, 3}, "application/zip"))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
        }
        try (S3BlobStore store = new S3BlobStore(export(Map.of("bluezone.keys.export.s3.request-checksums",
                "when-required")))) {
            store.put("VN/trailer.zip", new byte[]{1, 2, 3}, "application/zip");
            assertThat(store.get("VN/trailer.zip")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        }
    }

    @Test
    void missingObjectIsEmpty() {
        try (S3BlobStore store = new S3BlobStore(export(Map.of()))) {
            assertThat(store.get("VN/no-such-file.zip")).isEmpty();
            assertThat(store.get("79/index.txt")).isEmpty();
        }
        assertThatThrownBy(() -> admin.getObjectAsBytes(b -> b.bucket("exports").key("VN/no-such-file.zip")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void listCrossesPagesAndKeepsToItsPrefix() {
        try (S3BlobStore store = new S3BlobStore(export(Map.of("bluezone.keys.export.s3.prefix", "listing")), 2);
             S3BlobStore other = new S3BlobStore(export(Map.of("bluezone.keys.export.s3.prefix", "listing-other")))) {
            for (int i = 0; i < 5; i++) {
                store.put("VN/hour-" + i + ".zip", new byte[]{(byte) i}, "application/zip");
            }
            store.put("VN/index.txt", new byte[0], "text/plain; charset=utf-8");
            store.put("01/hour-0.zip", new byte[]{1}, "application/zip");
            store.put("79/hour-0.zip", new byte[]{1}, "application/zip");
            other.put("VN/hour-9.zip", new byte[]{9}, "application/zip");

            // 6 keys at 2 a page: three ListObjectsV2 calls joined by continuation tokens.
            assertThat(store.list("VN/")).containsExactly("VN/hour-0.zip", "VN/hour-1.zip", "VN/hour-2.zip",
                    "VN/hour-3.zip", "VN/hour-4.zip", "VN/index.txt");
            assertThat(store.list("")).hasSize(8).contains("01/hour-0.zip", "79/hour-0.zip")
                    .doesNotContain("VN/hour-9.zip");
            assertThat(store.list("7")).containsExactly("79/hour-0.zip");
            assertThat(store.list("48/")).isEmpty();
            assertThat(other.list("")).isEqualTo(List.of("VN/hour-9.zip"));
            assertThat(store.describe()).isEqualTo("s3://exports/listing/");
        }
    }

    @Test
    void wrongSecretIsRefusedByTheServer() {
        // Proves the signatures are checked, so the tests above ran signed requests for real.
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try (S3BlobStore store = new S3BlobStore(export(Map.of()))) {
            assertThatThrownBy(() -> store.put("VN/x.zip", new byte[]{1}, "application/zip"))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        } finally {
            System.setProperty("aws.secretAccessKey", proxy.secretKey());
        }
        assertThatThrownBy(() -> admin.headObject(b -> b.bucket("exports").key("VN/x.zip")))
                .isInstanceOf(S3Exception.class);
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThatThrownBy(() -> new S3BlobStore(export(Map.of("bluezone.keys.export.s3.bucket", ""))))
                .hasMessageContaining("bluezone.keys.export.s3.bucket is required");
        assertThatThrownBy(() -> new S3BlobStore(export(Map.of("bluezone.keys.export.s3.endpoint", "minio:9000"))))
                .hasMessageContaining("bluezone.keys.export.s3.endpoint must be an http(s) URL");
    }
}
