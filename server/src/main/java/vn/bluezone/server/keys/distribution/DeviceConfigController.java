package vn.bluezone.server.keys.distribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.distribution.HealthContact;
import vn.bluezone.api.distribution.SignedConfig;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.protocol.risk.RiskPreset;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.SigningKeys;

/**
 * The configuration phones apply: the risk configuration (the F1 rule, attenuation thresholds and weights) and
 * scanning settings, the other features' sections ({@link DeviceConfigSection}: the check-in overlap minimum) and
 * the health hotline ({@link HealthProperties}), signed with
 * the current export key so that a phone checks it with the key it already trusts for export files. The signature (ECDSA P-256 SHA-256, DER, base64) covers the UTF-8 bytes of the
 * {@code configuration} string exactly as sent.
 */
@RestController
@Tag(name = "distribution")
public class DeviceConfigController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SigningKeys keys;
    private final KeysProperties.DeviceConfig cfg;
    private final RiskConfiguration risk;

    private final List<DeviceConfigSection> sections;
    private final HealthProperties health;

    public DeviceConfigController(SigningKeys keys, KeysProperties props, List<DeviceConfigSection> sections,
                                  HealthProperties health) {
        this.sections = sections.stream().sorted(Comparator.comparing(DeviceConfigSection::member)).toList();
        this.health = health;
        this.keys = keys;
        this.cfg = props.deviceConfig();
        this.risk = loadRisk(cfg.riskFile(), cfg.riskPreset());
    }

    /** The operator's file if one is named, else the named preset (the Ministry's rule unless the operator chose). */
    static RiskConfiguration loadRisk(String file, String preset) {
        if (file == null || file.isBlank()) {
            return RiskPreset.byName(preset).configuration();
        }
        try {
            return RiskConfiguration.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bluezone.keys.device-config.risk-file " + file, e);
        }
    }

    @GetMapping(ApiPaths.CONFIG)
    @Operation(summary = "Signed risk and scanning configuration for phones",
            description = "configuration: JSON text {version, risk, scanning, minimumAppVersion, checkins, health}; signature: base64 "
                    + "DER ECDSA P-256 SHA-256 over its UTF-8 bytes, verifiable with /api/v1/exports/public-key")
    public ResponseEntity<SignedConfig> config() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        JsonNode riskJson = JSON.readTree(risk.toJson());
        doc.put("risk", riskJson);
        Map<String, Object> scanning = new LinkedHashMap<>();
        scanning.put("scanWindowSeconds", cfg.scanWindowSeconds());
        scanning.put("scanIntervalSeconds", cfg.scanIntervalSeconds());
        scanning.put("advertiseIntervalMillis", cfg.advertiseIntervalMillis());
        doc.put("scanning", scanning);
        doc.put("minimumAppVersion", cfg.minimumAppVersion());
        sections.forEach(s -> doc.put(s.member(), s.value())); // "checkins" (DeviceConfigSection)
        doc.put(HealthContact.MEMBER, new HealthContact(health.hotline()));
        String text = JSON.writeValueAsString(doc);
        SigningKeys.StoredKey k = keys.current(SigningKeys.EXPORT);
        byte[] sig = new SigningKey(k.privateKey(), k.keyId(), k.keyVersion()).sign(text.getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(15)).cachePublic())
                .body(new SignedConfig(text, Base64.getEncoder().encodeToString(sig), k.keyId(), k.keyVersion(),
                        "1.2.840.10045.4.3.2"));
    }
}
