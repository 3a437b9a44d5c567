package vn.bluezone.server.keys.distribution;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bluezone.server.BluezoneProperties;
import vn.bluezone.server.keys.KeysProperties;

/** Chooses the blob store from {@code bluezone.keys.export.store}: directory (default) or s3. */
@Configuration(proxyBeanMethods = false)
public class BlobStoreConfig {
    @Bean
    public BlobStore exportBlobStore(KeysProperties keys, BluezoneProperties server) {
        KeysProperties.Export cfg = keys.export();
        if ("s3".equals(cfg.store())) {
            return new S3BlobStore(cfg);
        }
        Path dir = cfg.directory().isBlank() ? Path.of(server.dataDir()).resolve("exports") : Path.of(cfg.directory());
        return new DirectoryBlobStore(dir);
    }
}
