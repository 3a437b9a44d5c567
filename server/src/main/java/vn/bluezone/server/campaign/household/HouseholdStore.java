package vn.bluezone.server.campaign.household;

import static vn.bluezone.server.campaign.Rows.date;
import static vn.bluezone.server.campaign.Rows.insert;
import static vn.bluezone.server.campaign.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables campaign_household and campaign_visit. */
@Repository
public class HouseholdStore {
    private final JdbcClient jdbc;

    public HouseholdStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(String communeCode, String villageCode, String head, String address, int members,
            int smartphones, String actor, Instant at) {
        return insert(jdbc.sql("INSERT INTO campaign_household (commune_code, village_code, head_name, address, "
                + "members, smartphones, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(communeCode, villageCode, head, address, members, smartphones, actor, ts(at)));
    }

    public Optional<Household> find(long id) {
        return jdbc.sql("SELECT * FROM campaign_household WHERE id = ?").param(id).query(HouseholdStore::household)
                .optional();
    }

    public List<Household> inCommune(String communeCode) {
        return jdbc.sql("SELECT * FROM campaign_household WHERE commune_code = ? ORDER BY village_code, id")
                .param(communeCode).query(HouseholdStore::household).list();
    }

    public List<Household> inVillage(String villageCode) {
        return jdbc.sql("SELECT * FROM campaign_household WHERE village_code = ? ORDER BY id").param(villageCode)
                .query(HouseholdStore::household).list();
    }

    public long addVisit(long householdId, LocalDate day, String volunteer, String branch, int present,
            int already, int now, int refused, String reason, String note, Instant at) {
        return addVisit(householdId, day, volunteer, branch, present, already, now, refused, reason, note, at, null);
    }

    /** {@code clientRef}: the phone's reference of a visit recorded offline (unique), or null. */
    public long addVisit(long householdId, LocalDate day, String volunteer, String branch, int present,
            int already, int now, int refused, String reason, String note, Instant at, String clientRef) {
        return addVisit(householdId, day, volunteer, branch, present, already, now, refused, reason, note, at,
                clientRef, false);
    }

    public long addVisit(long householdId, LocalDate day, String volunteer, String branch, int present,
            int already, int now, int refused, String reason, String note, Instant at, String clientRef,
            boolean nobodyHome) {
        return insert(jdbc.sql("INSERT INTO campaign_visit (household_id, visited_on, volunteer, branch, "
                + "smartphones_present, already_installed, installed_now, refused, refusal_reason, note, recorded_at, "
                + "client_ref, nobody_home) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(householdId, day, volunteer, branch, present, already, now, refused, reason, note, ts(at),
                        clientRef, nobodyHome));
    }

    public java.util.Optional<Visit> visitByClientRef(String clientRef) {
        return jdbc.sql("SELECT * FROM campaign_visit WHERE client_ref = ?").param(clientRef)
                .query(HouseholdStore::visit).optional();
    }

    /** Visits to the households of a commune, oldest first. */
    public List<Visit> visitsInCommune(String communeCode) {
        return jdbc.sql("SELECT v.* FROM campaign_visit v JOIN campaign_household h ON h.id = v.household_id "
                + "WHERE h.commune_code = ? ORDER BY v.visited_on, v.id").param(communeCode)
                .query(HouseholdStore::visit).list();
    }

    public List<Visit> visits(long householdId) {
        return jdbc.sql("SELECT * FROM campaign_visit WHERE household_id = ? ORDER BY visited_on, id")
                .param(householdId).query(HouseholdStore::visit).list();
    }

    /**
     * For each commune that still holds names and addresses: the last time anything happened in its door-to-door
     * campaign (a household added or a visit recorded).
     */
    public java.util.Map<String, Instant> lastActivityOfCommunesWithNames() {
        java.util.Map<String, Instant> result = new java.util.HashMap<>();
        jdbc.sql("SELECT h.commune_code, MAX(h.created_at) AS added, MAX(v.recorded_at) AS visited "
                + "FROM campaign_household h LEFT JOIN campaign_visit v ON v.household_id = h.id "
                + "GROUP BY h.commune_code HAVING SUM(CASE WHEN h.anonymised_at IS NULL THEN 1 ELSE 0 END) > 0")
                .query(rs -> {
                    Instant added = rs.getObject("added", java.time.OffsetDateTime.class).toInstant();
                    java.time.OffsetDateTime v = rs.getObject("visited", java.time.OffsetDateTime.class);
                    result.put(rs.getString(1), v != null && v.toInstant().isAfter(added) ? v.toInstant() : added);
                });
        return result;
    }

    /** Blanks the heads' names and addresses of a commune's households; counts and visits stay. */
    public int anonymise(String communeCode, Instant at) {
        return jdbc.sql("UPDATE campaign_household SET head_name = '', address = '', anonymised_at = ? "
                + "WHERE commune_code = ? AND anonymised_at IS NULL").params(ts(at), communeCode).update();
    }

    private static Household household(ResultSet rs, int n) throws SQLException {
        return new Household(rs.getLong("id"), rs.getString("commune_code"), rs.getString("village_code"),
                rs.getString("head_name"), rs.getString("address"), rs.getInt("members"), rs.getInt("smartphones"));
    }

    private static Visit visit(ResultSet rs, int n) throws SQLException {
        return new Visit(rs.getLong("id"), rs.getLong("household_id"), date(rs, "visited_on"),
                rs.getString("volunteer"), rs.getString("branch"), rs.getInt("smartphones_present"),
                rs.getInt("already_installed"), rs.getInt("installed_now"), rs.getInt("refused"),
                rs.getString("refusal_reason"), rs.getString("note"), rs.getBoolean("nobody_home"));
    }
}
