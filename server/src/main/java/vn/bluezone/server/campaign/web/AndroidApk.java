package vn.bluezone.server.campaign.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The APK the install pages offer ({@code bluezone.android.apk}): its size, SHA-256 and version, computed once per
 * file version (size and modification time) so that a rebuilt APK is picked up without a restart. The version
 * comes from the sidecar {@code <apk>.properties} that {@code android/build-apk.sh} writes from the APK's own
 * manifest (a server cannot run {@code aapt}), else from {@code bluezone.android.apk-version}.
 */
@Component
public class AndroidApk {
    private static final Logger LOG = LoggerFactory.getLogger(AndroidApk.class);

    /** What the page shows and the download's headers carry. */
    public record Info(Path file, long size, String sha256, String version) {
        /** The file name a browser saves it under: {@code bluezone-1.0.0.apk}. */
        public String fileName() {
            return version == null ? "bluezone.apk" : "bluezone-" + version.replaceAll("[^0-9A-Za-z.-]", "") + ".apk";
        }
    }

    private final Path file;
    private final String configuredVersion;
    private Info cached;
    private Object cachedStamp;

    public AndroidApk(AndroidProperties properties) {
        this.file = properties.apk().isBlank() ? null : Path.of(properties.apk());
        this.configuredVersion = properties.apkVersion().isBlank() ? null : properties.apkVersion().strip();
    }

    /** The APK's facts, or empty when none is configured or the file is missing (the page then offers the stores). */
    public synchronized Optional<Info> current() {
        if (file == null) {
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(file)) {
                LOG.warn("bluezone.android.apk is {}, which is not a file: no APK offered", file);
                return Optional.empty();
            }
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            Object stamp = size + "@" + modified.toMillis();
            if (cached == null || !stamp.equals(cachedStamp)) {
                cached = new Info(file, size, sha256(file), version());
                cachedStamp = stamp;
            }
            return Optional.of(cached);
        } catch (IOException e) {
            LOG.warn("cannot read the APK {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private String version() throws IOException {
        Path sidecar = file.resolveSibling(file.getFileName() + ".properties");
        if (Files.isRegularFile(sidecar)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String v = p.getProperty("versionName");
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return configuredVersion;
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
