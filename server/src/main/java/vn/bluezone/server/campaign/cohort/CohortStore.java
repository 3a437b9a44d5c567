package vn.bluezone.server.campaign.cohort;

import static vn.bluezone.server.campaign.Rows.date;
import static vn.bluezone.server.campaign.Rows.insert;
import static vn.bluezone.server.campaign.Rows.instant;
import static vn.bluezone.server.campaign.Rows.nullableLong;
import static vn.bluezone.server.campaign.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables campaign_cohort_person and campaign_cohort_access. */
@Repository
public class CohortStore {
    private final JdbcClient jdbc;

    public CohortStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(String communeCode, String villageCode, CohortKind cohort, String fullName, String phone,
            String idNumber, String address, LocalDate start, LocalDate end, String actor, Instant at) {
        return insert(jdbc.sql("INSERT INTO campaign_cohort_person (commune_code, village_code, cohort, full_name, "
                + "phone, id_number, address, start_date, end_date, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(communeCode, villageCode, cohort.name(), fullName, phone, idNumber, address, start, end, actor,
                        ts(at)));
    }

    public Optional<CohortPerson> find(long id) {
        return jdbc.sql("SELECT * FROM campaign_cohort_person WHERE id = ?").param(id).query(CohortStore::person)
                .optional();
    }

    /** People of the given communes, by end date then name. */
    public List<CohortPerson> inCommunes(List<String> communeCodes) {
        if (communeCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM campaign_cohort_person WHERE commune_code IN (:c) ORDER BY end_date, id")
                .param("c", communeCodes).query(CohortStore::person).list();
    }

    public List<CohortPerson> all() {
        return jdbc.sql("SELECT * FROM campaign_cohort_person ORDER BY end_date, id").query(CohortStore::person)
                .list();
    }

    public Optional<CohortPerson> activeWithDevice(String deviceId, LocalDate today) {
        return jdbc.sql("SELECT * FROM campaign_cohort_person WHERE device_id = ? AND end_date >= ?")
                .params(deviceId, today).query(CohortStore::person).list().stream().findFirst();
    }

    public void verify(long id, String deviceId, String actor, Instant at) {
        jdbc.sql("UPDATE campaign_cohort_person SET device_id = ?, verified_by = ?, verified_at = ? WHERE id = ?")
                .params(deviceId, actor, ts(at), id).update();
    }

    /** People whose end date is before {@code cutoff}. */
    public List<CohortPerson> endedBefore(LocalDate cutoff) {
        return jdbc.sql("SELECT * FROM campaign_cohort_person WHERE end_date < ? ORDER BY id").param(cutoff)
                .query(CohortStore::person).list();
    }

    public int delete(long id) {
        return jdbc.sql("DELETE FROM campaign_cohort_person WHERE id = ?").param(id).update();
    }

    public void logAccess(Long personId, String communeCode, String actor, String action, Instant at, String detail) {
        jdbc.sql("INSERT INTO campaign_cohort_access (person_id, commune_code, actor, action, at, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(personId, communeCode, actor, action, ts(at), detail).update();
    }

    public List<AccessEntry> accessLog(long personId) {
        return jdbc.sql("SELECT * FROM campaign_cohort_access WHERE person_id = ? ORDER BY at, id").param(personId)
                .query(CohortStore::access).list();
    }

    public List<AccessEntry> accessLogOfCommune(String communeCode, int limit) {
        return jdbc.sql("SELECT * FROM campaign_cohort_access WHERE commune_code = ? ORDER BY at DESC, id DESC "
                + "LIMIT " + Math.max(1, Math.min(limit, 1000))).param(communeCode).query(CohortStore::access).list();
    }

    private static CohortPerson person(ResultSet rs, int n) throws SQLException {
        return new CohortPerson(rs.getLong("id"), rs.getString("commune_code"), rs.getString("village_code"),
                CohortKind.valueOf(rs.getString("cohort")), rs.getString("full_name"), rs.getString("phone"),
                rs.getString("id_number"), rs.getString("address"), date(rs, "start_date"), date(rs, "end_date"),
                rs.getString("device_id"), rs.getString("verified_by"), instant(rs, "verified_at"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static AccessEntry access(ResultSet rs, int n) throws SQLException {
        return new AccessEntry(rs.getLong("id"), nullableLong(rs, "person_id"), rs.getString("commune_code"),
                rs.getString("actor"), rs.getString("action"), instant(rs, "at"), rs.getString("detail"));
    }
}
