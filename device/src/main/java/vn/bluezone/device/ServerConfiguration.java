package vn.bluezone.device;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.bluezone.api.distribution.HealthContact;
import vn.bluezone.device.messages.HealthHotline;
import vn.bluezone.device.messages.RenderedWarning;
import vn.bluezone.device.messages.WarningMessages;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.port.Notifier;
import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.device.scan.DutyCycleHistory;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.device.update.AppVersion;
import vn.bluezone.device.update.UpdateRequired;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.risk.RiskConfiguration;

/**
 * The key server's configuration document {@code {version, risk, scanning, minimumAppVersion}}
 * (server/README.md), applied only when its ECDSA P-256 signature verifies with a key the phone trusts for export
 * files. An unreachable server, an unsigned or a changed document changes nothing. Of a verified document:
 * <ul>
 *   <li>{@code risk} becomes the risk configuration (a bare risk configuration is taken as it is);</li>
 *   <li>{@code scanning.scanWindowSeconds} / {@code scanIntervalSeconds} become the duty cycle from the next scan
 *       on, if within {@link DutyCycle#fromServer the bounds}; kept, with the history of earlier duty cycles, in
 *       the phone's storage so that a restarted engine scans the same way and old sightings are scored with the
 *       period they were heard with;</li>
 *   <li>{@code minimumAppVersion} above the app's version means the user must update: said in every result, and
 *       notified once per required version;</li>
 *   <li>{@code health.hotline} becomes the hotline the app shows (kept until the server sends another).</li>
 * </ul>
 * Each part is applied or refused on its own; a refused part keeps what the phone had and says why.
 * {@code scanning.advertiseIntervalMillis} is not applied: the {@link vn.bluezone.device.port.Advertiser} port
 * leaves the advertising rate to the platform.
 */
final class ServerConfiguration {
    static final String STATE_VERIFIED_RISK = "risk.config.verified";
    static final String STATE_DUTY_CYCLES = "scan.dutyCycle.history";
    static final String STATE_MINIMUM_APP_VERSION = "config.minimumAppVersion";
    static final String STATE_UPDATE_NOTIFIED = "update.notified.";
    static final String STATE_HEALTH_HOTLINE = "config.healthHotline";
    private static final ObjectMapper JSON = PhoneJson.mapper();

    private final DeviceConfig config;
    private final Clock clock;
    private final DeviceStorage storage;
    private final KeyServerClient server;
    private final Notifier notifier;
    private final Consumer<DutyCycle> onDutyCycle;
    private final List<PublicKey> trusted;
    private final AppVersion appVersion;
    private DutyCycleHistory history;

    /** @param onDutyCycle told each new duty cycle (the engine's scan schedule) */
    ServerConfiguration(DeviceConfig config, Clock clock, DeviceStorage storage, KeyServerClient server,
                        Notifier notifier, Consumer<DutyCycle> onDutyCycle) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.storage = Objects.requireNonNull(storage);
        this.server = Objects.requireNonNull(server);
        this.notifier = Objects.requireNonNull(notifier);
        this.onDutyCycle = Objects.requireNonNull(onDutyCycle);
        List<PublicKey> keys = new ArrayList<>();
        for (String pem : config.trustedExportKeysPem()) {
            keys.add(P256Keys.readPublicKey(pem));
        }
        this.trusted = List.copyOf(keys);
        this.appVersion = AppVersion.parse(config.appVersion());
        this.history = storage.state(STATE_DUTY_CYCLES).flatMap(ServerConfiguration::decode)
                .orElseGet(() -> DutyCycleHistory.of(config.dutyCycle()));
    }

    private static Optional<DutyCycleHistory> decode(String text) {
        try {
            return Optional.of(DutyCycleHistory.decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a damaged value: start again from the app's duty cycle
        }
    }

    /** The duty cycle in force (the server's once one was applied, also after a restart). */
    synchronized DutyCycle dutyCycle() {
        return history.current();
    }

    /** The duty cycles scanned with, for scoring old sightings with their own period. */
    synchronized DutyCycleHistory dutyCycleHistory() {
        return history;
    }

    /** Fetches {@code GET /api/v1/config}, verifies it and applies what it may. */
    synchronized ConfigurationRefresh refresh() {
        Instant now = clock.instant();
        String problem = null;
        JsonNode doc = null;
        try {
            SignedConfiguration signed = server.configuration();
            if (signed == null || signed.json() == null) {
                problem = "UNREADABLE: the server sent no configuration";
            } else if (signed.signatureBase64() == null || signed.signatureBase64().isBlank()) {
                problem = "UNSIGNED: the configuration carries no signature; nothing of it is used";
            } else if (!verifies(signed)) {
                problem = "SIGNATURE_MISMATCH: the configuration's signature does not verify with a trusted key;"
                        + " nothing of it is used";
            } else {
                doc = JSON.readTree(signed.json());
                if (!doc.isObject()) {
                    problem = "UNREADABLE: the configuration is not a JSON object";
                    doc = null;
                }
            }
        } catch (KeyServerException e) {
            problem = "UNREACHABLE: " + e.getMessage();
        } catch (JacksonException e) {
            problem = "UNREADABLE: " + e.getOriginalMessage();
        }

        List<String> notApplied = new ArrayList<>();
        RiskConfiguration risk = null;
        boolean changed = false;
        if (doc != null) {
            risk = applyRisk(doc, notApplied);
            changed = applyScanning(doc, now, notApplied);
            applyMinimumAppVersion(doc, notApplied);
            applyHealthHotline(doc, notApplied);
        }
        if (risk == null) {
            risk = lastVerifiedRisk();
        }
        Optional<AppVersion> minimum = storage.state(STATE_MINIMUM_APP_VERSION).filter(s -> !s.isEmpty())
                .map(AppVersion::parse);
        boolean updateRequired = minimum.isPresent() && appVersion.isOlderThan(minimum.get());
        if (updateRequired) {
            notifyUpdateOnce(minimum.get(), now);
        }
        return new ConfigurationRefresh(problem == null, problem, risk, history.current(), changed, notApplied,
                appVersion.text(), minimum.map(AppVersion::text).orElse(null), updateRequired,
                storage.state(STATE_HEALTH_HOTLINE).filter(h -> !h.isEmpty()).orElse(null));
    }

    private RiskConfiguration lastVerifiedRisk() {
        try {
            return storage.state(STATE_VERIFIED_RISK).map(RiskConfiguration::parse)
                    .orElseGet(RiskConfiguration::vietnamDefault);
        } catch (IllegalArgumentException e) {
            return RiskConfiguration.vietnamDefault();
        }
    }

    /** The risk part, stored as the last verified one; null (the caller falls back) when it does not parse. */
    private RiskConfiguration applyRisk(JsonNode doc, List<String> notApplied) {
        try {
            RiskConfiguration parsed = RiskConfiguration.parse(riskPart(doc));
            storage.setState(STATE_VERIFIED_RISK, parsed.toJson());
            return parsed;
        } catch (IllegalArgumentException e) {
            // incl. RiskConfigurationException: a bad risk part is as good as none
            notApplied.add("risk: " + e.getMessage() + "; keeping the last verified risk configuration");
            return null;
        }
    }

    /** The {@code risk} member; a document without one is a bare risk configuration (older servers). */
    static String riskPart(JsonNode doc) {
        JsonNode risk = doc.get("risk");
        // JsonNode.toString() is the node's JSON text in Jackson 2 (no checked exception to carry).
        return (risk != null && risk.isObject() ? risk : doc).toString();
    }

    private boolean applyScanning(JsonNode doc, Instant now, List<String> notApplied) {
        JsonNode scanning = doc.get("scanning");
        if (scanning == null || scanning.isNull()) {
            return false; // the server says nothing about scanning
        }
        DutyCycle current = history.current();
        String keeping = "; keeping " + current.describe();
        JsonNode window = scanning.get("scanWindowSeconds");
        JsonNode period = scanning.get("scanIntervalSeconds");
        if (!wholeNumber(window) || !wholeNumber(period)) {
            notApplied.add("scanning: scanWindowSeconds and scanIntervalSeconds must be whole numbers" + keeping);
            return false;
        }
        DutyCycle next;
        try {
            next = DutyCycle.fromServer(window.longValue(), period.longValue());
        } catch (IllegalArgumentException e) {
            notApplied.add("scanning: " + e.getMessage() + keeping);
            return false;
        }
        if (next.equals(current)) {
            return false;
        }
        history = history.with(now, next, now.minus(config.retention()));
        storage.setState(STATE_DUTY_CYCLES, history.encode());
        onDutyCycle.accept(next);
        return true;
    }

    private static boolean wholeNumber(JsonNode n) {
        return n != null && n.isIntegralNumber() && n.canConvertToLong();
    }

    private void applyMinimumAppVersion(JsonNode doc, List<String> notApplied) {
        JsonNode v = doc.get("minimumAppVersion");
        String stored = storage.state(STATE_MINIMUM_APP_VERSION).orElse("");
        if (v == null || v.isNull()) {
            if (!stored.isEmpty()) {
                storage.setState(STATE_MINIMUM_APP_VERSION, ""); // the server no longer requires a version
            }
            return;
        }
        String keeping = "; keeping " + (stored.isEmpty() ? "no minimum" : stored);
        if (!v.isTextual()) {
            notApplied.add("minimumAppVersion: not a string" + keeping);
            return;
        }
        try {
            String text = AppVersion.parse(v.textValue()).text();
            if (!text.equals(stored)) {
                storage.setState(STATE_MINIMUM_APP_VERSION, text);
            }
        } catch (IllegalArgumentException e) {
            notApplied.add("minimumAppVersion: " + e.getMessage() + keeping);
        }
    }

    /** {@code health.hotline} ({@link HealthContact}): kept so the warnings screen shows it offline too. */
    private void applyHealthHotline(JsonNode doc, List<String> notApplied) {
        JsonNode health = doc.get(HealthContact.MEMBER);
        if (health == null || health.isNull()) {
            return; // an older server: keep what the phone has
        }
        try {
            String hotline = JSON.treeToValue(health, HealthContact.class).hotline();
            if (!HealthHotline.isPhoneNumber(hotline)) {
                notApplied.add("health.hotline: not a phone number; keeping the last one");
                return;
            }
            storage.setState(STATE_HEALTH_HOTLINE, hotline);
        } catch (JacksonException e) {
            notApplied.add("health: " + e.getOriginalMessage() + "; keeping the last hotline");
        }
    }

    private void notifyUpdateOnce(AppVersion minimum, Instant now) {
        String key = STATE_UPDATE_NOTIFIED + minimum.normalized();
        if (storage.state(key).isPresent()) {
            return;
        }
        storage.setState(key, now.toString());
        UpdateRequired u = new UpdateRequired(appVersion, minimum, now);
        RenderedWarning text = WarningMessages.renderUpdate(u, config.locale());
        notifier.notifyUpdateRequired(u, text.title(), text.body());
    }

    private boolean verifies(SignedConfiguration signed) {
        byte[] data = signed.json().getBytes(StandardCharsets.UTF_8);
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signed.signatureBase64());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (PublicKey k : trusted) {
            try {
                Signature v = Signature.getInstance("SHA256withECDSA");
                v.initVerify(k);
                v.update(data);
                if (v.verify(sig)) {
                    return true;
                }
            } catch (java.security.GeneralSecurityException e) {
                // try the next key
            }
        }
        return false;
    }
}
