package vn.bluezone.server.checkins;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.bluezone.protocol.checkin.CheckinManifest;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.server.keys.SigningKeys;
import vn.bluezone.server.keys.distribution.BlobStore;

/**
 * The signed daily manifests ({@link CheckinManifest}): per region and UTC day, the names of the day's hourly
 * packages and the SHA-256 of each file, signed with the export keys, at {@code checkins/REGION/day-DAY.manifest}.
 * Run by the package job after it built packages and before it rewrites the indexes, so every package an index
 * names is in its day's manifest. A manifest is (re)built whenever its day holds a different number of packages
 * than it lists: the current day's grows hour by hour, a day thinned by retention shrinks, and days of packages
 * built before manifests existed get one (their files hashed from the blob store).
 */
@Service
public class CheckinManifests {
    private static final Logger log = LoggerFactory.getLogger(CheckinManifests.class);

    private final CheckinStore packages;
    private final CheckinManifestStore manifests;
    private final BlobStore blobs;
    private final SigningKeys signingKeys;

    public CheckinManifests(CheckinStore packages, CheckinManifestStore manifests, BlobStore blobs, SigningKeys signingKeys) {
        this.packages = packages;
        this.manifests = manifests;
        this.blobs = blobs;
        this.signingKeys = signingKeys;
    }

    /** The blob path (under {@code checkins/}) of a region's manifest of the UTC day starting {@code day}. */
    public static String path(String region, long day) {
        return region + "/day-" + day + ".manifest";
    }

    /** Rebuilds the manifests whose day's packages changed; returns how many were written. */
    public int update(Instant now) {
        int written = 0;
        for (String region : packages.regionsWithPackages()) {
            Map<Instant, List<CheckinPackageRow>> byDay = new TreeMap<>();
            for (CheckinPackageRow p : packages.packages(region)) {
                long day = CheckinManifest.dayOf(p.startAt().getEpochSecond());
                byDay.computeIfAbsent(Instant.ofEpochSecond(day), d -> new ArrayList<>()).add(p);
            }
            Map<Instant, Integer> listed = manifests.counts(region);
            for (var day : byDay.entrySet()) {
                if (!Integer.valueOf(day.getValue().size()).equals(listed.get(day.getKey()))) {
                    write(region, day.getKey(), day.getValue(), now);
                    written++;
                }
            }
        }
        if (written > 0) {
            log.info("check-in manifests: {} written", written);
        }
        return written;
    }

    private void write(String region, Instant day, List<CheckinPackageRow> rows, Instant now) {
        Map<String, byte[]> listed = new LinkedHashMap<>();
        for (CheckinPackageRow p : rows) {
            Optional<byte[]> hash = p.sha256() != null ? Optional.of(p.sha256())
                    : blobs.get(CheckinPackageService.PREFIX + p.path()).map(CheckinManifests::sha256);
            hash.ifPresent(h -> listed.put(p.path(), h));
        }
        List<SigningKey> keys = signingKeys.active(SigningKeys.EXPORT).stream()
                .map(k -> new SigningKey(k.privateKey(), k.keyId(), k.keyVersion())).toList();
        byte[] file = CheckinManifest.of(region, day.getEpochSecond(), listed).sign(keys);
        String path = path(region, day.getEpochSecond());
        blobs.put(CheckinPackageService.PREFIX + path, file, "application/octet-stream");
        manifests.save(new CheckinManifestStore.Row(region, day, path, rows.size()), now);
    }

    /** Deletes the manifests of days that ended at or before {@code cutoff} (records, then files). */
    public int deleteEndedBy(Instant cutoff) {
        List<CheckinManifestStore.Row> old = manifests.endedBy(cutoff);
        manifests.deleteEndedBy(cutoff);
        for (CheckinManifestStore.Row m : old) {
            blobs.delete(CheckinPackageService.PREFIX + m.path());
        }
        return old.size();
    }

    static byte[] sha256(byte[] file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(file);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
