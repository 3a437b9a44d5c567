package vn.bluezone.server.keys.distribution;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.bluezone.server.keys.KeysProperties;

/**
 * Blob store on S3 or any S3-compatible service (MinIO, Ceph, Viettel/FPT object storage) through AWS SDK v2.
 * Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, the aws.accessKeyId /
 * aws.secretAccessKey system properties, a profile, an instance role).
 * A CDN in front of the bucket can serve phones directly; the Cache-Control set here is what it honours.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    static final int DEFAULT_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int indexMaxAge;
    private final int fileMaxAge;
    private final int pageSize;

    public S3BlobStore(KeysProperties.Export cfg) {
        this(cfg, DEFAULT_PAGE_SIZE);
    }

    /** {@code pageSize}: keys per ListObjectsV2 page (tests use a small one to cross page boundaries). */
    S3BlobStore(KeysProperties.Export cfg, int pageSize) {
        KeysProperties.S3 c = cfg.s3();
        if (c.bucket().isBlank()) {
            throw new IllegalArgumentException("bluezone.keys.export.s3.bucket is required when the store is s3");
        }
        S3ClientBuilder b = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(c.region()))
                .forcePathStyle(c.pathStyle())
                .requestChecksumCalculation("when-supported".equals(c.requestChecksums())
                        ? RequestChecksumCalculation.WHEN_SUPPORTED : RequestChecksumCalculation.WHEN_REQUIRED);
        if (!c.endpoint().isBlank()) {
            b.endpointOverride(endpoint(c.endpoint()));
        }
        this.s3 = b.build();
        this.bucket = c.bucket();
        this.prefix = c.prefix().isBlank() ? "" : c.prefix().replaceAll("/*$", "") + "/";
        this.indexMaxAge = cfg.indexMaxAgeSeconds();
        this.fileMaxAge = cfg.fileMaxAgeSeconds();
        this.pageSize = pageSize;
    }

    private static URI endpoint(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("bluezone.keys.export.s3.endpoint must be an http(s) URL, was " + text);
        }
        return uri;
    }

    @Override
    public void put(String path, byte[] data, String contentType) {
        int maxAge = path.endsWith(".txt") ? indexMaxAge : fileMaxAge;
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(prefix + path).contentType(contentType)
                .cacheControl("public, max-age=" + maxAge).build(), RequestBody.fromBytes(data));
    }

    @Override
    public Optional<byte[]> get(String path) {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(prefix + path).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String path) {
        s3.deleteObject(b -> b.bucket(bucket).key(prefix + path));
    }

    @Override
    public List<String> list(String p) {
        List<String> out = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + p)
                .maxKeys(pageSize).build()).contents()) {
            out.add(o.key().substring(prefix.length()));
        }
        return out;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** Called by Spring when the context closes: releases the HTTP client. */
    @Override
    public void close() {
        s3.close();
    }
}
