package vn.bluezone.server.checkins;

import vn.bluezone.api.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.distribution.BlobStore;
import vn.bluezone.server.problem.DomainException;

/** Signed check-in packages for phones, cached like key exports (strong ETag, 304, max-age; files immutable). */
@RestController
@RequestMapping("/api/v1/checkins")
@Tag(name = "check-ins", description = "Hourly signed packages of encrypted check-ins")
public class CheckinPackagesApi {
    private final BlobStore store;
    private final KeysProperties.Export cache;

    public CheckinPackagesApi(BlobStore store, KeysProperties props) {
        this.store = store;
        this.cache = props.export();
    }

    @GetMapping(value = "/{region}/index.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Hourly check-in packages of a region, one REGION/hour-START-END.bin a line, oldest first",
            description = "region: VN (whole country) or a 2-digit province code")
    public ResponseEntity<byte[]> index(@PathVariable String region,
                                        @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        checkRegion(region);
        byte[] body = store.get(CheckinPackageService.PREFIX + region + "/index.txt").orElse(new byte[0]);
        return cached(body, MediaType.parseMediaType("text/plain;charset=UTF-8"), cache.indexMaxAgeSeconds(), false, ifNoneMatch);
    }

    @GetMapping(value = "/{region}/{file:hour-[0-9]{1,12}-[0-9]{1,12}}.bin", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "One signed check-in package (SignedCheckinPackage protobuf, protocol/README.md)")
    public ResponseEntity<byte[]> file(@PathVariable String region, @PathVariable String file,
                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        checkRegion(region);
        byte[] body = store.get(CheckinPackageService.PREFIX + region + "/" + file + ".bin")
                .orElseThrow(() -> new DomainException(ErrorCode.CHECKIN_PACKAGE_NOT_FOUND, "no check-in package " + region + "/" + file + ".bin"));
        return cached(body, MediaType.APPLICATION_OCTET_STREAM, cache.fileMaxAgeSeconds(), true, ifNoneMatch);
    }

    @GetMapping(value = "/{region}/day-{day:[0-9]{1,12}}.manifest", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "A region's signed manifest of one UTC day: its hourly packages' names and SHA-256 "
            + "(SignedCheckinManifest protobuf, protocol/README.md)",
            description = "day: the day's first second (epoch seconds, a multiple of 86400). The current day's "
                    + "manifest grows every hour, so it is cached like the index.")
    public ResponseEntity<byte[]> manifest(@PathVariable String region, @PathVariable long day,
                                           @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        checkRegion(region);
        byte[] body = store.get(CheckinPackageService.PREFIX + CheckinManifests.path(region, day))
                .orElseThrow(() -> new DomainException(ErrorCode.CHECKIN_MANIFEST_NOT_FOUND,
                        "no check-in manifest " + CheckinManifests.path(region, day)));
        return cached(body, MediaType.APPLICATION_OCTET_STREAM, cache.indexMaxAgeSeconds(), false, ifNoneMatch);
    }

    private static void checkRegion(String region) {
        if (!region.matches("VN|\\d{2}")) {
            throw new DomainException(ErrorCode.INVALID_REGION, "region must be VN or a 2-digit province code");
        }
    }

    private static ResponseEntity<byte[]> cached(byte[] body, MediaType type, int maxAge, boolean immutable, String ifNoneMatch) {
        String etag = "\"" + sha256(body).substring(0, 32) + "\"";
        CacheControl cc = CacheControl.maxAge(Duration.ofSeconds(maxAge)).cachePublic();
        if (immutable) {
            cc = cc.immutable();
        }
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cc).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cc).contentType(type).body(body);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
