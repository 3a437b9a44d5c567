package vn.bluezone.device;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import vn.bluezone.device.exposure.ClosenessBucket;
import vn.bluezone.device.exposure.DurationBucket;
import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.exposure.WarningLevel;
import vn.bluezone.device.messages.HealthHotline;
import vn.bluezone.device.messages.RenderedWarning;
import vn.bluezone.device.messages.WarningMessages;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.port.Notifier;
import vn.bluezone.device.report.ReportFlow;
import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.device.scan.DutyCycleHistory;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.device.store.Sighting;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.KeyExport;
import vn.bluezone.protocol.export.KeyExportException;
import vn.bluezone.protocol.export.KeyExportReader;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.VerificationKey;
import vn.bluezone.protocol.matching.ExposureMatcher;
import vn.bluezone.protocol.matching.KeyMatch;
import vn.bluezone.protocol.matching.MatchedSighting;
import vn.bluezone.protocol.risk.DailySummary;
import vn.bluezone.protocol.risk.ExposureWindow;
import vn.bluezone.protocol.risk.ExposureWindowBuilder;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.protocol.risk.RiskScorer;
import vn.bluezone.protocol.risk.ScanInstance;

/**
 * One exposure check, all on the phone:
 * <ol>
 *   <li>the server's configuration ({@link ServerConfiguration}), used only if its signature verifies with a
 *       trusted key: its risk part (otherwise the last verified one, or the shipped Vietnam default), its scan
 *       duty cycle and its minimum app version;</li>
 *   <li>{@code index.txt} of every configured region, and only the export files not checked before;</li>
 *   <li>each file read with the export reader that requires a signature by a trusted key: an unsigned or
 *       tampered file is rejected with the reader's reason, none of its keys is used, and it is tried again at
 *       the next check (it may have been a broken download);</li>
 *   <li>the new keys matched against the sightings of the retention period (±2 h tolerance, AEM decrypted only
 *       for matches); matching keys are remembered;</li>
 *   <li>every remembered key's sightings turned into exposure windows (attenuation = the sender's transmit
 *       power from its AEM − (RSSI + this phone's RSSI correction); each scan stands for the scan period in force
 *       when it was heard) and scored into daily summaries;</li>
 *   <li>per UTC day: F1 when the confirmed cases' score meets the close-contact rule, else F2 when the recursive
 *       reports' score does; a warning is given once per level and day, F1 outranks F2, and a phone that itself
 *       reported a case is not warned about contacts up to its report; the F1 advice names the hotline
 *       {@link HealthHotline} chooses (the server's, else the app's shipped one).</li>
 * </ol>
 */
final class ExposureChecker {
    static final String STATE_VERIFIED_CONFIG = ServerConfiguration.STATE_VERIFIED_RISK;
    private static final Set<ReportType> CONFIRMED = EnumSet.of(ReportType.CONFIRMED_TEST,
            ReportType.CONFIRMED_CLINICAL_DIAGNOSIS);
    private static final Set<ReportType> RECURSIVE = EnumSet.of(ReportType.RECURSIVE);

    private final DeviceConfig config;
    private final Clock clock;
    private final DeviceStorage storage;
    private final KeyServerClient server;
    private final Notifier notifier;
    private final ServerConfiguration settings;
    private final KeyExportReader reader;

    /** A checker whose server configuration changes no scan schedule (tests of the risk part). */
    ExposureChecker(DeviceConfig config, Clock clock, DeviceStorage storage, KeyServerClient server,
                    Notifier notifier) {
        this(config, clock, storage, server, notifier,
                new ServerConfiguration(config, clock, storage, server, notifier, d -> { }));
    }

    ExposureChecker(DeviceConfig config, Clock clock, DeviceStorage storage, KeyServerClient server,
                    Notifier notifier, ServerConfiguration settings) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.storage = Objects.requireNonNull(storage);
        this.server = Objects.requireNonNull(server);
        this.notifier = Objects.requireNonNull(notifier);
        this.settings = Objects.requireNonNull(settings);
        List<VerificationKey> verification = new ArrayList<>();
        for (String pem : config.trustedExportKeysPem()) {
            verification.add(VerificationKey.of(P256Keys.readPublicKey(pem)));
        }
        this.reader = KeyExportReader.verifyingWith(verification);
    }

    ExposureCheckResult check() throws KeyServerException {
        Instant now = clock.instant();
        ConfigurationRefresh configuration = settings.refresh();
        RiskConfiguration risk = configuration.risk();

        List<String> read = new ArrayList<>();
        List<ExposureCheckResult.RejectedFile> rejected = new ArrayList<>();
        List<TemporaryExposureKey> newKeys = new ArrayList<>();
        for (String region : config.regions()) {
            Set<String> done = storage.processedExportFiles(region);
            for (String name : server.exportIndex(region)) {
                if (done.contains(name)) {
                    continue;
                }
                byte[] zip = server.exportFile(region, name);
                try {
                    KeyExport export = reader.read(zip);
                    newKeys.addAll(export.keys());
                    newKeys.addAll(export.revisedKeys());
                    read.add(region + "/" + name);
                    storage.markExportFileProcessed(region, name, now);
                } catch (KeyExportException e) {
                    rejected.add(new ExposureCheckResult.RejectedFile(region, name,
                            e.reason().name() + ": " + e.getMessage()));
                }
            }
        }

        List<Sighting> sightings = storage.sightingsBetween(now.minus(config.retention()), now.plusSeconds(86_400));
        List<vn.bluezone.protocol.matching.Sighting> observed = new ArrayList<>(sightings.size());
        for (Sighting s : sightings) {
            vn.bluezone.protocol.matching.Sighting m = new vn.bluezone.protocol.matching.Sighting(s.rpi(), s.aem(),
                    EnIntervalNumber.of(s.seenAt()), s.seenAt(), s.rssiTypical());
            observed.add(m);
        }
        ExposureMatcher matcher = ExposureMatcher.of(observed);
        List<KeyMatch> fresh = newKeys.size() > 2_000 ? matcher.matchParallel(newKeys) : matcher.match(newKeys);
        for (KeyMatch m : fresh) {
            storage.saveMatchedKey(m.key(), now);
        }

        List<ExposureWarning> warnings = decide(matcher.match(storage.matchedKeys()), risk, now,
                HealthHotline.choose(configuration.healthHotline(), config.shippedHotline()));
        return new ExposureCheckResult(read, rejected, newKeys.size(), fresh.size(), warnings, configuration);
    }

    private List<ExposureWarning> decide(List<KeyMatch> matches, RiskConfiguration risk, Instant now,
                                         String hotline) {
        ExposureWindowBuilder builder = ExposureWindowBuilder.forDevice(config.calibration().rssiCorrection());
        DutyCycleHistory dutyCycles = settings.dutyCycleHistory();
        List<ExposureWindow> windows = new ArrayList<>();
        for (KeyMatch m : matches) {
            List<vn.bluezone.protocol.risk.Sighting> seen = new ArrayList<>();
            for (MatchedSighting ms : m.sightings()) {
                seen.add(new vn.bluezone.protocol.risk.Sighting(ms.sighting().seenAt(), ms.sighting().rssi(),
                        ms.transmitPowerDbm()));
            }
            seen.sort(Comparator.comparing(vn.bluezone.protocol.risk.Sighting::time));
            // Each sighting stands for the scan period in force when it was heard: runs of one duty cycle each.
            int from = 0;
            while (from < seen.size()) {
                DutyCycle d = dutyCycles.at(seen.get(from).time());
                int to = from + 1;
                while (to < seen.size() && dutyCycles.at(seen.get(to).time()).equals(d)) {
                    to++;
                }
                windows.addAll(builder.withScanIntervalSeconds((int) d.period().toSeconds())
                        .build(seen.subList(from, to), m.key(), risk));
                from = to;
            }
        }
        Optional<LocalDate> reportedDay = ReportFlow.reportedAt(storage)
                .map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC));
        List<ExposureWarning> given = new ArrayList<>();
        for (DailySummary day : new RiskScorer(risk).dailySummaries(windows)) {
            if (reportedDay.isPresent() && !day.day().isAfter(reportedDay.get())) {
                continue; // this phone's owner is already a reported case for that period
            }
            double confirmed = day.scoreSumFor(CONFIRMED);
            double recursive = day.scoreSumFor(RECURSIVE);
            WarningLevel level;
            double score;
            Set<ReportType> types;
            if (risk.closeContact().isCloseContact(confirmed)) {
                level = WarningLevel.F1;
                score = confirmed;
                types = CONFIRMED;
            } else if (risk.closeContact().isCloseContact(recursive)) {
                level = WarningLevel.F2;
                score = recursive;
                types = RECURSIVE;
            } else {
                continue;
            }
            if (level == WarningLevel.F2 && storage.state("warned.F1." + day.day()).isPresent()) {
                continue;
            }
            if (!storage.recordWarningIfNew(level.name(), day.day(), now)) {
                continue;
            }
            if (level == WarningLevel.F1) {
                storage.setState("warned.F1." + day.day(), now.toString());
            }
            long minutes = Math.round(score / 60.0);
            ExposureWarning w = new ExposureWarning(level, day.day(), minutes, DurationBucket.of(minutes),
                    closeness(windows, day.day(), types, risk), risk.closeContact().closeContactDistanceMeters(),
                    risk.closeContact().minimumCumulativeMinutes(), now);
            RenderedWarning text = WarningMessages.render(w, config.locale(), hotline);
            notifier.notify(w, text.title(), text.body());
            given.add(w);
        }
        return given;
    }

    /** From the day's closest scan (lowest typical attenuation) of the deciding report types. */
    private static ClosenessBucket closeness(List<ExposureWindow> windows, LocalDate day, Set<ReportType> types,
                                             RiskConfiguration risk) {
        int best = Integer.MAX_VALUE;
        for (ExposureWindow w : windows) {
            if (w.day().equals(day) && types.contains(w.reportType())) {
                for (ScanInstance s : w.scanInstances()) {
                    best = Math.min(best, s.typicalAttenuationDb());
                }
            }
        }
        if (best <= risk.attenuationThresholds().immediate()) {
            return ClosenessBucket.VERY_CLOSE;
        }
        if (best <= risk.attenuationThresholds().near()) {
            return ClosenessBucket.CLOSE;
        }
        return ClosenessBucket.NEARBY;
    }

    /**
     * The server's risk configuration if its signature verifies with a trusted key; else the last verified one;
     * else the shipped Vietnam default. An unreachable server is not an error here: the export download reports it.
     */
    RiskConfiguration riskConfiguration() {
        return settings.refresh().risk();
    }

    /**
     * The risk part of the server's configuration document {@code {version, risk, scanning, minimumAppVersion}}
     * (server/README.md); a bare risk configuration is taken as it is.
     */
    static String riskPart(String json) {
        try {
            return ServerConfiguration.riskPart(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("configuration is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            PhoneJson.mapper();
}
