package vn.bluezone.server.checkins;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only writer of {@code checkin_place_qr}. */
@Repository
public class PlaceQrStore {
    private final JdbcClient jdbc;

    public PlaceQrStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlaceQr> find(long placeId) {
        return jdbc.sql("SELECT * FROM checkin_place_qr WHERE place_id = ?").param(placeId)
                .query((rs, n) -> new PlaceQr(rs.getLong("place_id"), rs.getString("description"), rs.getString("address"),
                        rs.getInt("default_stay_minutes"), rs.getObject("issued_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    public void insert(PlaceQr qr) {
        jdbc.sql("INSERT INTO checkin_place_qr (place_id, description, address, default_stay_minutes, issued_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(qr.placeId(), qr.description(), qr.address(), qr.defaultStayMinutes(), CheckinStore.ts(qr.issuedAt()))
                .update();
    }
}
