package vn.bluezone.server.checkins;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The only writer of {@code checkin_place_warning}. */
@Repository
public class PlaceWarningStore {
    private final JdbcClient jdbc;

    public PlaceWarningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PlaceWarning insert(PlaceWarning w) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO checkin_place_warning (place_id, starts_at, ends_at, message, issued_by, issued_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(w.placeId(), CheckinStore.ts(w.startsAt()), CheckinStore.ts(w.endsAt()), w.message(), w.issuedBy(),
                        CheckinStore.ts(w.issuedAt()))
                .update(keys, "id");
        return new PlaceWarning(keys.getKey().longValue(), w.placeId(), w.startsAt(), w.endsAt(), w.message(),
                w.issuedBy(), w.issuedAt());
    }

    public List<PlaceWarning> recent(int limit) {
        return jdbc.sql("SELECT * FROM checkin_place_warning ORDER BY issued_at DESC, id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new PlaceWarning(rs.getLong("id"), rs.getLong("place_id"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getString("message"),
                        rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public int deleteIssuedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM checkin_place_warning WHERE issued_at < ?").param(CheckinStore.ts(cutoff)).update();
    }
}
