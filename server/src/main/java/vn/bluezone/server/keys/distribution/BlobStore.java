package vn.bluezone.server.keys.distribution;

import java.util.List;
import java.util.Optional;

/**
 * Where export files and indexes live: a directory by default, S3-compatible object storage as an option.
 * Paths are relative, '/'-separated, e.g. {@code VN/index.txt}.
 */
public interface BlobStore {

    void put(String path, byte[] data, String contentType);

    Optional<byte[]> get(String path);

    void delete(String path);

    /** Paths under {@code prefix} (e.g. "VN/"). */
    List<String> list(String prefix);

    /** For logs and the README: "directory /srv/exports" or "s3://bucket/prefix". */
    String describe();
}
