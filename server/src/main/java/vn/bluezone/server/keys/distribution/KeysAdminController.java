package vn.bluezone.server.keys.distribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.officer.ExportRun;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.keys.SigningKeys;

/** Administrators run the export and retention jobs on demand and rotate the export signing key. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "key server administration")
public class KeysAdminController {
    private final ExportService exports;
    private final RetentionService retention;
    private final SigningKeys keys;
    private final CurrentOfficial current;
    private final AuditLog audit;

    public KeysAdminController(ExportService exports, RetentionService retention, SigningKeys keys,
                               CurrentOfficial current, AuditLog audit) {
        this.exports = exports;
        this.retention = retention;
        this.keys = keys;
        this.current = current;
        this.audit = audit;
    }

    @PostMapping("/exports/run")
    @Operation(summary = "Build every due export batch now")
    public ExportRun runExport() {
        Official admin = current.requireRole(Role.ADMIN);
        ExportService.RunSummary s = exports.runOnce();
        audit.record(admin.username(), "export.run", null, "batches=" + s.batches() + " files=" + s.files());
        return new ExportRun(s.ran(), s.batches(), s.files(), s.keys(), s.regions());
    }

    @PostMapping("/exports/retention")
    @Operation(summary = "Delete keys, files and codes older than the retention period now")
    public RetentionService.Summary runRetention() {
        Official admin = current.requireRole(Role.ADMIN);
        RetentionService.Summary s = retention.runOnce();
        audit.record(admin.username(), "retention.run", null, "keys=" + s.keys() + " batches=" + s.batches());
        return s;
    }

    /** A signing key without its private part. */
    public record KeyView(String purpose, String keyId, String keyVersion, boolean active, Instant createdAt, String publicKey) {
    }

    @GetMapping("/signing-keys")
    @Operation(summary = "Export signing keys (public parts)")
    public List<KeyView> signingKeys() {
        current.requireRole(Role.ADMIN);
        keys.active(SigningKeys.EXPORT);
        return keys.all(SigningKeys.EXPORT).stream().map(k -> new KeyView(k.purpose(), k.keyId(), k.keyVersion(),
                k.active(), k.createdAt(), k.publicKeyPem())).toList();
    }

    /** Rotation request: the new key version, e.g. "v2". */
    public record Rotate(@NotBlank String keyVersion) {
    }

    @PostMapping("/signing-keys/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a new active export key version; files are then signed with every active key")
    public KeyView rotate(@Valid @RequestBody Rotate body) {
        Official admin = current.requireRole(Role.ADMIN);
        SigningKeys.StoredKey k = keys.rotate(SigningKeys.EXPORT, body.keyVersion());
        audit.record(admin.username(), "signing-key.rotate", k.keyVersion(), null);
        return new KeyView(k.purpose(), k.keyId(), k.keyVersion(), k.active(), k.createdAt(), k.publicKeyPem());
    }

    @PostMapping("/signing-keys/{version}/retire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop signing with an export key version (at least one stays active)")
    public void retire(@PathVariable String version) {
        Official admin = current.requireRole(Role.ADMIN);
        keys.retire(SigningKeys.EXPORT, version);
        audit.record(admin.username(), "signing-key.retire", version, null);
    }
}
