package vn.bluezone.server.checkins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import vn.bluezone.protocol.checkin.PlacePayload;
import vn.bluezone.server.BluezoneProperties;

/**
 * The secret from which registered places' QR seeds are derived: seed = first 16 bytes of
 * HMAC-SHA256(secret, "bluezone-checkin-seed:" ‖ place id). Kept out of the database on purpose (configuration, or
 * a file in the data directory made on first use), so that the database alone, a backup or a read-only SQL
 * account, cannot compute a place's location id and link uploaded reports to it.
 */
@Component
public class PlaceSecret {
    static final String FILE = "checkin-place-secret";
    private final CheckinsProperties props;
    private final Path dataDir;
    private final SecureRandom random;
    private volatile byte[] secret;

    public PlaceSecret(CheckinsProperties props, BluezoneProperties server, SecureRandom random) {
        this.props = props;
        this.dataDir = Path.of(server.dataDir());
        this.random = random;
    }

    public byte[] seed(long placeId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] full = mac.doFinal(("bluezone-checkin-seed:" + placeId).getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(full, PlacePayload.SEED_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = load();
                }
                s = secret;
            }
        }
        return s;
    }

    private byte[] load() {
        if (!props.placeSecret().isBlank()) {
            byte[] s;
            try {
                s = Base64.getDecoder().decode(props.placeSecret().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("bluezone.checkins.place-secret must be base64");
            }
            if (s.length < 32) {
                throw new IllegalStateException("bluezone.checkins.place-secret must hold at least 32 bytes");
            }
            return s;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.writeString(Files.createFile(file), Base64.getEncoder().encodeToString(fresh));
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: the data directory's own protection applies
                    }
                } catch (FileAlreadyExistsException e) {
                    // another instance on the same data directory made it first: read theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }
}
