package vn.bluezone.server.checkins;

import vn.bluezone.api.ErrorCode;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.protocol.checkin.CheckinRecord;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.checkin.ReportCipher;
import vn.bluezone.server.accounts.AreaScope;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.campaign.place.Place;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.registry.AdministrativeUnits;

/**
 * A health officer warns everyone who checked in at a registered place during a time window (CrowdNotifier's
 * "basic mode"): the server encrypts a record with the window and the officer's message under the place's
 * location id, exactly like a case's report, so it travels in the same packages and only phones that scanned the
 * place's QR can read it. Scoped to the officer's area; audited ({@code checkin.place-warning}).
 */
@Service
public class PlaceWarningService {
    /** Risk level of an officer's warning: the highest. */
    static final int WARNING_RISK_LEVEL = 8;
    static final Duration MAX_WINDOW = Duration.ofHours(24);

    private final PlaceService places;
    private final PlaceQrService qr;
    private final PlaceWarningStore warnings;
    private final CheckinStore reports;
    private final AreaScope scope;
    private final AuditLog audit;
    private final AdministrativeUnits units;
    private final CheckinsProperties props;
    private final Clock clock;
    private final SecureRandom random;

    public PlaceWarningService(PlaceService places, PlaceQrService qr, PlaceWarningStore warnings, CheckinStore reports,
                               AreaScope scope, AuditLog audit, AdministrativeUnits units, CheckinsProperties props,
                               Clock clock, SecureRandom random) {
        this.places = places;
        this.qr = qr;
        this.warnings = warnings;
        this.reports = reports;
        this.scope = scope;
        this.audit = audit;
        this.units = units;
        this.props = props;
        this.clock = clock;
        this.random = random;
    }

    @Transactional
    public PlaceWarning warn(Official officer, String placeCode, Instant start, Instant end, String message) {
        // Another area's place is answered like a missing one (issue 15 §4: its code cannot be probed).
        Place place = places.byCode(placeCode).filter(p -> scope.maySee(officer, p.communeCode()))
                .orElseThrow(() -> placeNotFound(placeCode));
        Instant now = clock.instant();
        if (start == null || end == null || !end.isAfter(start)) {
            throw new CheckinProblem(ErrorCode.INVALID_WINDOW, "the warning's end must be after its start");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new CheckinProblem(ErrorCode.INVALID_WINDOW, "a warning covers at most 24 hours");
        }
        if (start.isAfter(now) || start.isBefore(now.minus(Duration.ofDays(props.retentionDays())))) {
            throw new CheckinProblem(ErrorCode.INVALID_WINDOW, "the window must start in the last "
                    + props.retentionDays() + " days, not in the future");
        }
        String text = Normalizer.normalize(message == null ? "" : message.strip(), Normalizer.Form.NFC);
        if (text.isEmpty() || text.length() > CheckinRecord.MAX_MESSAGE) {
            throw new CheckinProblem(ErrorCode.INVALID_MESSAGE, "the message needs 1 to " + CheckinRecord.MAX_MESSAGE + " characters");
        }
        CheckinRecord record = CheckinRecord.covering(start.getEpochSecond(), end.getEpochSecond(), WARNING_RISK_LEVEL, text);
        ProtectedReport report = ReportCipher.encrypt(qr.payload(place).locationId(), record, random);
        reports.insert(List.of(new CheckinReportRow(report, province(place.communeCode()), now.truncatedTo(ChronoUnit.HOURS))));
        PlaceWarning saved = warnings.insert(new PlaceWarning(0, place.id(), start, end, text, officer.username(), now));
        audit.record(officer.username(), "checkin.place-warning", "place " + place.code(),
                "window " + start + " – " + end + ", warning " + saved.id());
        return saved;
    }

    public List<PlaceWarning> recent(int limit) {
        return warnings.recent(Math.max(1, Math.min(limit, 500)));
    }

    private String province(String communeCode) {
        try {
            List<String> chain = units.chainCodes(communeCode);
            return chain.size() >= 2 ? chain.get(1) : "VN";
        } catch (RuntimeException e) {
            return "VN"; // unknown to the registry: the national package still carries it
        }
    }

    /** The answer for a missing place code, and for another area's place. */
    static CheckinProblem placeNotFound(String placeCode) {
        return new CheckinProblem(ErrorCode.PLACE_NOT_FOUND, "no registered place with code '" + placeCode + "'");
    }
}
