package vn.bluezone.server.checkins;

import java.time.Clock;
import java.util.Base64;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.protocol.checkin.PlacePayload;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.place.Place;
import vn.bluezone.server.campaign.place.PlaceLinkFragment;
import vn.bluezone.server.db.Savepoints;

/**
 * A registered place's check-in payload and the fragment of its link ({@code <install URL>#<base64url payload>},
 * what its poster's QR carries). The payload's facts are fixed when first issued, so a renamed place keeps the QR already printed and
 * a health officer's warning still reaches the phones that scanned it.
 */
@Service
public class PlaceQrService implements PlaceLinkFragment {
    private final PlaceQrStore store;
    private final PlaceSecret secret;
    private final Areas areas;
    private final CheckinsProperties props;
    private final Clock clock;
    private final Savepoints savepoints;

    public PlaceQrService(PlaceQrStore store, PlaceSecret secret, Areas areas, CheckinsProperties props, Clock clock,
                          Savepoints savepoints) {
        this.store = store;
        this.secret = secret;
        this.areas = areas;
        this.props = props;
        this.clock = clock;
        this.savepoints = savepoints;
    }

    @Transactional
    public PlacePayload payload(Place place) {
        PlaceQr qr = store.find(place.id()).orElseGet(() -> issue(place));
        return PlacePayload.of(qr.description(), qr.address(), 0, 0, qr.defaultStayMinutes(), secret.seed(place.id()));
    }

    /**
     * What follows {@code #} in the place's check-in link ({@code <install URL>#<fragment>}): base64url of the payload.
     * Kept apart from the install URL so that the poster code (which owns that URL) composes the link.
     */
    @Override
    @Transactional
    public String fragment(Place place) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload(place).bytes());
    }

    private PlaceQr issue(Place place) {
        String commune = areas.name(place.communeCode()).orElse("");
        String address = place.villageCode() == null ? commune
                : areas.name(place.villageCode()).map(v -> v + ", " + commune).orElse(commune);
        PlaceQr qr = new PlaceQr(place.id(), truncate(place.name()), truncate(address), props.defaultStayMinutes(),
                clock.instant());
        try {
            savepoints.attempt(() -> {
                store.insert(qr);
                return null;
            });
            return qr;
        } catch (DuplicateKeyException e) {
            return store.find(place.id()).orElseThrow(); // issued at the same moment by another request
        }
    }

    private static String truncate(String s) {
        return s.length() <= PlacePayload.MAX_TEXT ? s : s.substring(0, PlacePayload.MAX_TEXT);
    }
}
