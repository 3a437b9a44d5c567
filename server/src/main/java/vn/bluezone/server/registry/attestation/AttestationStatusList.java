package vn.bluezone.server.registry.attestation;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revoked Android attestation certificates, from a file in the format of Google's attestation status list
 * (developer.android.com, "Verify hardware-backed key pairs with key attestation", "Certificate status"):
 * {@code {"entries": {"<serial, lower-case hex without leading zeros>": {"status": "REVOKED"|"SUSPENDED",
 * "reason": ..., ...}}}}. Every listed serial is refused, whatever its status. The server never fetches the list
 * itself (no call to a vendor on a request): an operator job downloads {@code
 * https://android.googleapis.com/attestation/status} to the file, which is re-read when it changes (checked at most
 * once a minute); a file that becomes unreadable keeps the last list read, with a warning.
 */
final class AttestationStatusList {
    private static final Logger log = LoggerFactory.getLogger(AttestationStatusList.class);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Clock clock;
    private volatile Set<String> serials = Set.of();
    private volatile FileTime modified;
    private volatile Instant checked = Instant.MIN;

    /** No list: nothing is refused as revoked. */
    static AttestationStatusList none() {
        return new AttestationStatusList(null, Clock.systemUTC());
    }

    private AttestationStatusList(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The list in {@code file}; a missing or malformed file stops the server at start-up. */
    static AttestationStatusList of(Path file, Clock clock) {
        AttestationStatusList list = new AttestationStatusList(file, clock);
        try {
            list.load();
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("bluezone.registry.attestation.android-key.revocation-list: cannot read "
                    + file + ": " + e.getMessage(), e);
        }
        return list;
    }

    /** Whether the certificate with this serial number is listed. */
    boolean revoked(BigInteger serial) {
        refresh();
        return serials.contains(serial.toString(16));
    }

    int size() {
        return serials.size();
    }

    private void refresh() {
        Instant now = clock.instant();
        if (file == null || now.isBefore(checked.plus(CHECK_EVERY))) {
            return;
        }
        checked = now;
        try {
            if (!Files.getLastModifiedTime(file).equals(modified)) {
                load();
                log.info("Android attestation status list reloaded: {} serials", serials.size());
            }
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            log.warn("Android attestation status list {} unreadable, keeping the last one ({} serials): {}", file,
                    serials.size(), e.getMessage());
        }
    }

    private void load() throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        JsonNode entries = JSON.readTree(Files.readAllBytes(file)).get("entries");
        if (entries == null || !entries.isObject()) {
            throw new IllegalArgumentException("no \"entries\" object");
        }
        Set<String> read = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : entries.properties()) {
            String serial = entry.getKey().trim().toLowerCase(Locale.ROOT);
            read.add(new BigInteger(serial, 16).toString(16)); // no leading zeros, as BigInteger prints them
        }
        serials = Set.copyOf(read);
        modified = time;
    }
}
