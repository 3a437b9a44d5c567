package vn.bluezone.protocol.checkin;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bluezone.protocol.checkin.proto.CheckinProto;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

/**
 * A region's signed daily manifest: the names of that UTC day's hourly packages and the SHA-256 of each signed
 * package file. Why: a phone checking 14 days of hourly packages spent most of its time on 336 ECDSA verifications
 * (~1.5 ms each); with manifests it verifies 14 and hashes the files (SHA-256 of 10 MB: ~10 ms). A package is
 * accepted through a manifest only if its hash equals the listed one (constant-time compare), so a changed byte
 * anywhere in the file is refused; the hourly signatures stay in the files for clients that fetch one package.
 */
public final class CheckinManifest {
    public static final String HEADER = "BLUEZONE-CHECKIN-MANIFEST-V1";
    public static final long DAY_SECONDS = 86_400;
    /** At most 24 hourly packages a day; a few more are allowed for hours re-cut by a clock change on the server. */
    static final int MAX_ENTRIES = 48;
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final Pattern NAME = Pattern.compile("(VN|\\d{2})/hour-(\\d{1,12})-(\\d{1,12})\\.bin");

    private final String region;
    private final long dayStartSeconds;
    private final Map<String, byte[]> hashes;

    private CheckinManifest(String region, long dayStartSeconds, Map<String, byte[]> hashes) {
        this.region = region;
        this.dayStartSeconds = dayStartSeconds;
        this.hashes = hashes;
    }

    /** A manifest to sign: {@code packages} maps each package's index name to its signed file's SHA-256. */
    public static CheckinManifest of(String region, long dayStartSeconds, Map<String, byte[]> packages) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        packages.forEach((name, hash) -> copy.put(name, hash.clone()));
        CheckinManifest m = new CheckinManifest(region, dayStartSeconds, copy);
        m.check(region, dayStartSeconds);
        return m;
    }

    /** The first second of the UTC day holding {@code epochSeconds}: the day a package of that hour is listed in. */
    public static long dayOf(long epochSeconds) {
        return Math.floorDiv(epochSeconds, DAY_SECONDS) * DAY_SECONDS;
    }

    /** The start second of a package named {@code REGION/hour-START-END.bin}, or -1 for any other name. */
    public static long packageStart(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? Long.parseLong(m.group(2)) : -1;
    }

    public String region() {
        return region;
    }

    public long dayStartSeconds() {
        return dayStartSeconds;
    }

    /** The listed package names, in the manifest's order. */
    public List<String> names() {
        return List.copyOf(hashes.keySet());
    }

    public boolean lists(String name) {
        return hashes.containsKey(name);
    }

    /**
     * Whether {@code file} is exactly the package this manifest lists as {@code name}: its SHA-256 compared in
     * constant time ({@link MessageDigest#isEqual}) with the listed one. False for a name not listed.
     */
    public boolean vouchesFor(String name, byte[] file) {
        byte[] listed = hashes.get(name);
        return listed != null && MessageDigest.isEqual(listed, sha256(file));
    }

    public byte[] sign(List<SigningKey> keys) {
        CheckinProto.CheckinManifest.Builder m = CheckinProto.CheckinManifest.newBuilder().setHeader(HEADER)
                .setRegion(region).setDayStartTimestamp(dayStartSeconds);
        hashes.forEach((name, hash) -> m.addPackages(CheckinProto.ManifestEntry.newBuilder().setName(name)
                .setSha256(ByteString.copyFrom(hash))));
        byte[] body = m.build().toByteArray();
        return CheckinProto.SignedCheckinManifest.newBuilder().setManifest(ByteString.copyFrom(body))
                .addAllSignatures(PackageSignatures.sign(body, keys)).build().toByteArray();
    }

    /**
     * Reads the signed manifest a phone asked for as {@code region}'s of the day starting {@code dayStartSeconds}:
     * a trusted signature must verify before anything is parsed ({@code SIGNATURE_MISSING},
     * {@code SIGNATURE_MISMATCH}); then the header ({@code BAD_MANIFEST}), the region ({@code WRONG_REGION}: a
     * province's manifest served for another), the day ({@code WRONG_DAY}: an old day's served again), and every
     * entry (a package of this region starting within this day, a 32-byte hash; {@code BAD_MANIFEST}).
     */
    public static CheckinManifest read(byte[] file, List<VerificationKey> trusted, String region, long dayStartSeconds) {
        if (file == null || file.length > MAX_FILE_BYTES) {
            throw new CheckinFormatException("TOO_LARGE", "a check-in manifest has at most " + MAX_FILE_BYTES + " bytes");
        }
        CheckinProto.CheckinManifest m;
        try {
            CheckinProto.SignedCheckinManifest signed = CheckinProto.SignedCheckinManifest.parseFrom(file);
            if (signed.getSignaturesCount() == 0) {
                throw new CheckinFormatException("SIGNATURE_MISSING", "the check-in manifest is not signed");
            }
            byte[] body = signed.getManifest().toByteArray();
            if (!PackageSignatures.verified(body, signed.getSignaturesList(), trusted)) {
                throw new CheckinFormatException("SIGNATURE_MISMATCH", "no signature of the check-in manifest verifies with a trusted key");
            }
            m = CheckinProto.CheckinManifest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new CheckinFormatException("BAD_PROTOBUF", "the check-in manifest is not readable");
        }
        if (!HEADER.equals(m.getHeader())) {
            throw new CheckinFormatException("BAD_MANIFEST", "not a check-in manifest");
        }
        if (!region.equals(m.getRegion())) {
            throw new CheckinFormatException("WRONG_REGION", "the manifest is " + m.getRegion() + "'s, not " + region + "'s");
        }
        if (m.getDayStartTimestamp() != dayStartSeconds) {
            throw new CheckinFormatException("WRONG_DAY", "the manifest is of day " + m.getDayStartTimestamp() + ", not " + dayStartSeconds);
        }
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        for (CheckinProto.ManifestEntry e : m.getPackagesList()) {
            hashes.put(e.getName(), e.getSha256().toByteArray());
        }
        CheckinManifest read = new CheckinManifest(region, dayStartSeconds, hashes);
        read.check(region, dayStartSeconds);
        return read;
    }

    private void check(String expectedRegion, long day) {
        if (day != dayOf(day)) {
            throw new CheckinFormatException("BAD_MANIFEST", "a manifest's day starts at midnight UTC");
        }
        if (hashes.size() > MAX_ENTRIES) {
            throw new CheckinFormatException("BAD_MANIFEST", "a manifest lists at most " + MAX_ENTRIES + " packages");
        }
        List<String> bad = new ArrayList<>();
        hashes.forEach((name, hash) -> {
            long start = packageStart(name);
            if (!name.startsWith(expectedRegion + "/") || start < 0 || dayOf(start) != day || hash.length != 32) {
                bad.add(name);
            }
        });
        if (!bad.isEmpty()) {
            throw new CheckinFormatException("BAD_MANIFEST", "entries not of " + expectedRegion + " on that day: " + bad);
        }
    }

    static byte[] sha256(byte[] file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(file);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
