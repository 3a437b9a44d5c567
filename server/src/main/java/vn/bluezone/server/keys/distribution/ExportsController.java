package vn.bluezone.server.keys.distribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.distribution.PublicKeyInfo;
import vn.bluezone.api.distribution.PublicKeys;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.SigningKeys;
import vn.bluezone.server.problem.DomainException;

/**
 * Export files for phones, cacheable by a CDN: strong ETags (SHA-256 of the content), {@code If-None-Match}
 * answered 304, indexes cached for minutes, files (immutable once written) for a day.
 */
@RestController
@Tag(name = "distribution", description = "Signed export files, their indexes and the verification key")
public class ExportsController {
    private final BlobStore store;
    private final SigningKeys keys;
    private final KeysProperties.Export cfg;

    public ExportsController(BlobStore store, SigningKeys keys, KeysProperties props) {
        this.store = store;
        this.keys = keys;
        this.cfg = props.export();
    }

    @GetMapping(value = ApiPaths.EXPORTS + "/{region}/{index:index(?:-daily)?\\.txt}", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Hourly files of a region (index.txt) or daily files (index-daily.txt), one path a line, oldest first",
            description = "region: VN (whole country) or a 2-digit province code")
    public ResponseEntity<byte[]> index(@PathVariable String region, @PathVariable String index,
                                        @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        checkRegion(region);
        byte[] body = store.get(region + "/" + index).orElse(new byte[0]);
        return cached(body, MediaType.parseMediaType("text/plain;charset=UTF-8"), cfg.indexMaxAgeSeconds(), false, ifNoneMatch);
    }

    @GetMapping(value = ApiPaths.EXPORTS + "/{region}/{file:[A-Za-z0-9_-]{1,100}}.zip", produces = "application/zip")
    @Operation(summary = "One signed export file (export.bin + export.sig in a ZIP)")
    public ResponseEntity<byte[]> file(@PathVariable String region, @PathVariable String file,
                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        checkRegion(region);
        byte[] body = store.get(region + "/" + file + ".zip")
                .orElseThrow(() -> new DomainException(ErrorCode.EXPORT_NOT_FOUND, "no export file " + region + "/" + file + ".zip"));
        return cached(body, MediaType.parseMediaType("application/zip"), cfg.fileMaxAgeSeconds(), true, ifNoneMatch);
    }

    @GetMapping(ApiPaths.EXPORT_PUBLIC_KEY)
    @Operation(summary = "Export verification key (PEM SubjectPublicKeyInfo, ECDSA P-256) with its id and version")
    public ResponseEntity<PublicKeys> publicKey() {
        List<PublicKeyInfo> active = keys.active(SigningKeys.EXPORT).stream()
                .map(k -> new PublicKeyInfo(k.keyId(), k.keyVersion(), "1.2.840.10045.4.3.2", k.publicKeyPem())).toList();
        PublicKeyInfo current = active.get(active.size() - 1);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new PublicKeys(current.keyId(), current.keyVersion(), current.algorithm(), current.publicKey(), active));
    }

    private static void checkRegion(String region) {
        if (!region.matches("VN|\\d{2}")) {
            throw new DomainException(ErrorCode.INVALID_REGION, "region must be VN or a 2-digit province code");
        }
    }

    private static ResponseEntity<byte[]> cached(byte[] body, MediaType type, int maxAge, boolean immutable,
                                                 String ifNoneMatch) {
        String etag = "\"" + ExportFileBuilder.sha256(body).substring(0, 32) + "\"";
        CacheControl cc = CacheControl.maxAge(Duration.ofSeconds(maxAge)).cachePublic();
        if (immutable) {
            cc = cc.immutable();
        }
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cc).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cc).contentType(type).body(body);
    }
}
