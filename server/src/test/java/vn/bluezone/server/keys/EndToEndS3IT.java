package vn.bluezone.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.bluezone.server.keys.distribution.BlobStore;
import vn.bluezone.server.keys.distribution.S3BlobStore;
import vn.bluezone.server.support.RequiresS3Proxy;
import vn.bluezone.server.support.S3Proxy;
import vn.bluezone.server.support.TestClockConfig;
import vn.bluezone.server.support.TestDatabase;

/**
 * The same end-to-end test (H2) with {@code bluezone.keys.export.store=s3} on a real S3 implementation (S3Proxy in a
 * child process): the export job writes indexes and signed ZIPs into the bucket, phones read them back through
 * {@code /api/v1/exports}, retention deletes them from the bucket. Credentials reach the SDK through its default
 * chain (the aws.accessKeyId / aws.secretAccessKey system properties), random for each run.
 */
@RequiresS3Proxy
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false",
                "bluezone.keys.export.store=s3", "bluezone.keys.export.s3.bucket=bluezone-exports",
                "bluezone.keys.export.s3.prefix=v1/", "bluezone.keys.export.s3.path-style=true"})
@Import(TestClockConfig.class)
@DirtiesContext
class EndToEndS3IT extends EndToEndTests {
    static final String BUCKET = "bluezone-exports";
    static S3Proxy proxy;
    static S3Client bucket;

    @Autowired BlobStore store;

    @BeforeAll
    static void startS3() {
        proxy = S3Proxy.start();
        System.setProperty("aws.accessKeyId", proxy.accessKey());
        System.setProperty("aws.secretAccessKey", proxy.secretKey());
        bucket = S3Client.builder().endpointOverride(URI.create(proxy.endpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(proxy.accessKey(), proxy.secretKey()))).build();
        bucket.createBucket(b -> b.bucket(BUCKET));
    }

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
        r.add("bluezone.keys.export.s3.endpoint", () -> proxy.endpoint());
    }

    @AfterAll
    static void stopS3() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (bucket != null) {
            bucket.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    List<String> objects() {
        return bucket.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
    }

    @Test
    @Order(2)
    void exportsAreObjectsInTheBucketServedAsTheyAre() throws Exception {
        assertThat(store).isInstanceOf(S3BlobStore.class);
        assertThat(store.describe()).isEqualTo("s3://" + BUCKET + "/v1/");
        List<String> keys = objects();
        assertThat(keys).contains("v1/VN/index.txt", "v1/VN/index-daily.txt", "v1/01/index.txt");
        assertThat(keys).allMatch(k -> k.startsWith("v1/"));

        HeadObjectResponse index = bucket.headObject(b -> b.bucket(BUCKET).key("v1/VN/index.txt"));
        assertThat(index.cacheControl()).isEqualTo("public, max-age=300");
        assertThat(index.contentType()).startsWith("text/plain");
        String indexText = bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key("v1/VN/index.txt")).asUtf8String();
        HttpResponse<byte[]> served = send("GET", "/api/v1/exports/VN/index.txt", null, Map.of());
        assertThat(new String(served.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(indexText);

        String first = indexText.split("\n")[0];
        assertThat(keys).contains("v1/" + first);
        HeadObjectResponse zip = bucket.headObject(b -> b.bucket(BUCKET).key("v1/" + first));
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.cacheControl()).isEqualTo("public, max-age=86400");
        byte[] inBucket = bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key("v1/" + first)).asByteArray();
        assertThat(send("GET", "/api/v1/exports/" + first, null, Map.of()).body()).isEqualTo(inBucket);
    }

    @Test
    @Order(7)
    void retentionEmptiedTheBucketOfExportFiles() {
        assertThat(objects()).isNotEmpty().noneMatch(k -> k.endsWith(".zip"));
    }
}
