package vn.bluezone.server.campaign.place;

import static vn.bluezone.server.campaign.Rows.insert;
import static vn.bluezone.server.campaign.Rows.ts;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.Conflict;
import vn.bluezone.server.db.Savepoints;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.registry.DeviceDirectory;
import vn.bluezone.server.campaign.Fields;

/**
 * Public places with posters (section 4): registered per village, a poster PDF each, page views of the install page
 * {@code /i/{code}}, and the installs that arrived with the place's code.
 */
@Service
public class PlaceService {
    private final Savepoints savepoints;
    /** No 0/O, 1/I/L: a code printed on a poster must survive being typed by hand. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Areas areas;
    private final DeviceDirectory devices;
    private final CampaignClock clock;
    private final PlaceLinks links;
    private final PosterGenerator posters;

    public PlaceService(JdbcClient jdbc, Areas areas, DeviceDirectory devices, CampaignClock clock,
            PlaceLinks links, PosterGenerator posters, Savepoints savepoints) {
        this.savepoints = savepoints;
        this.jdbc = jdbc;
        this.areas = areas;
        this.devices = devices;
        this.clock = clock;
        this.links = links;
        this.posters = posters;
    }

    @Transactional
    public Place create(String communeCode, String villageCode, String kind, String name, String contact,
            String actor) {
        areas.requireName(communeCode);
        String village = Fields.optional(villageCode, "villageCode", 16);
        if (village != null && !areas.villagesOf(communeCode).containsKey(village)) {
            throw new CampaignProblem(ErrorCode.VILLAGE_NOT_IN_COMMUNE, "village " + village + " is not in commune "
                    + communeCode, "villageCode");
        }
        PlaceKind k;
        try {
            k = PlaceKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new CampaignProblem(ErrorCode.BAD_PLACE_KIND, e.getMessage() + "; one of "
                    + java.util.Arrays.toString(PlaceKind.values()), "kind");
        }
        String n = Fields.required(name, "name", 200);
        String c = Fields.optional(contact, "contact", 200);
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = newCode();
            if (byCode(code).isPresent()) {
                continue;
            }
            try {
                long id = savepoints.attempt(() -> insert(jdbc.sql("INSERT INTO campaign_place (code, commune_code, village_code, kind, name, "
                        + "contact, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(code, communeCode, village, k.name(), n, c, actor, ts(clock.now()))));
                return place(id);
            } catch (DuplicateKeyException e) {
                // another place took the code at the same moment; draw again
            }
        }
        throw new Conflict(ErrorCode.CODES_EXHAUSTED, "could not allocate a place code; retry");
    }

    static String newCode() {
        char[] c = new char[CODE_LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    public Place place(long id) {
        return jdbc.sql("SELECT * FROM campaign_place WHERE id = ?").param(id).query(PlaceService::row).optional()
                .orElseThrow(() -> notFound(id));
    }

    /** The answer for a missing place, and for one in another area (issue 15 §4). */
    public static CampaignProblem notFound(long id) {
        return new CampaignProblem(ErrorCode.PLACE_NOT_FOUND, "no place " + id);
    }

    public Optional<Place> byCode(String code) {
        if (code == null || code.length() > 16) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM campaign_place WHERE code = ?").param(code.trim().toUpperCase(Locale.ROOT))
                .query(PlaceService::row).optional();
    }

    /** Places of a commune with views and installs, most installs first. */
    public List<PlaceRow> table(String communeCode) {
        List<Place> places = jdbc.sql("SELECT * FROM campaign_place WHERE commune_code = ? ORDER BY id")
                .param(communeCode).query(PlaceService::row).list();
        Map<String, Long> installs = devices.installsByPlace(places.stream().map(Place::code).toList());
        Map<Long, Long> views = new HashMap<>();
        jdbc.sql("SELECT v.place_id, SUM(v.views) FROM campaign_place_view v JOIN campaign_place p "
                        + "ON p.id = v.place_id WHERE p.commune_code = ? GROUP BY v.place_id").param(communeCode)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> views.put(e.getKey(), e.getValue()));
        List<PlaceRow> rows = new ArrayList<>();
        for (Place p : places) {
            rows.add(new PlaceRow(p, views.getOrDefault(p.id(), 0L), installs.getOrDefault(p.code(), 0L)));
        }
        rows.sort(Comparator.comparingLong(PlaceRow::installs).reversed().thenComparingLong(r -> r.place().id()));
        return rows;
    }

    /** Counts one view of the place's install page today (a counter only: nothing about the visitor). */
    @Transactional
    public void recordView(Place place) {
        LocalDate today = clock.today();
        int updated = jdbc.sql("UPDATE campaign_place_view SET views = views + 1 WHERE place_id = ? AND view_day = ?")
                .params(place.id(), today).update();
        if (updated == 0) {
            try {
                savepoints.attempt(() -> jdbc.sql("INSERT INTO campaign_place_view (place_id, view_day, views) "
                        + "VALUES (?, ?, 1)").params(place.id(), today).update());
            } catch (DuplicateKeyException e) {
                jdbc.sql("UPDATE campaign_place_view SET views = views + 1 WHERE place_id = ? AND view_day = ?")
                        .params(place.id(), today).update();
            }
        }
    }

    /** The install page's address, when a public address is configured ({@link PlaceLinks}). */
    public java.util.Optional<String> installUrl(Place place) {
        return links.installUrl(place);
    }

    /** The address every poster will carry before its place code ({@code https://.../i/}), or empty. */
    public java.util.Optional<String> posterAddress() {
        return links.installPrefix();
    }

    public byte[] poster(Place place, PaperSize paper) {
        String commune = areas.name(place.communeCode()).orElse(place.communeCode());
        String area = place.villageCode() == null ? commune
                : areas.name(place.villageCode()).orElse(place.villageCode()) + ", " + commune;
        String issuer = "UBND " + Character.toLowerCase(commune.charAt(0)) + commune.substring(1);
        return posters.render(new PosterContent(place.name(), place.kind(), area, place.code(),
                links.requireInstallUrl(place), issuer, links.qrContent(place)), paper);
    }

    private static Place row(ResultSet rs, int n) throws SQLException {
        return new Place(rs.getLong("id"), rs.getString("code"), rs.getString("commune_code"),
                rs.getString("village_code"), PlaceKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("contact"));
    }
}
