package vn.bluezone.server.campaign.radio;

import static vn.bluezone.server.campaign.Rows.insert;
import static vn.bluezone.server.campaign.Rows.instant;
import static vn.bluezone.server.campaign.Rows.nullableLong;
import static vn.bluezone.server.campaign.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables campaign_radio_template, campaign_radio_slot and campaign_radio_airing. */
@Repository
public class RadioStore {
    private final JdbcClient jdbc;

    public RadioStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RadioTemplate> templates() {
        return jdbc.sql("SELECT * FROM campaign_radio_template ORDER BY id").query(RadioStore::template).list();
    }

    public Optional<RadioTemplate> template(long id) {
        return jdbc.sql("SELECT * FROM campaign_radio_template WHERE id = ?").param(id).query(RadioStore::template)
                .optional();
    }

    public long addTemplate(String unitCode, String title, String body, String actor, Instant at) {
        return insert(jdbc.sql("INSERT INTO campaign_radio_template (unit_code, title, body, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?)").params(unitCode, title, body, actor, ts(at)));
    }

    public List<RadioSlot> slots(String communeCode) {
        return jdbc.sql("SELECT * FROM campaign_radio_slot WHERE commune_code = ? AND active ORDER BY air_time, id")
                .param(communeCode).query(RadioStore::slot).list();
    }

    public Optional<RadioSlot> slot(long id) {
        return jdbc.sql("SELECT * FROM campaign_radio_slot WHERE id = ?").param(id).query(RadioStore::slot)
                .optional();
    }

    public long addSlot(String communeCode, String subject, long templateId, String weekdays, LocalTime time,
            String location, String actor, Instant at) {
        return insert(jdbc.sql("INSERT INTO campaign_radio_slot (commune_code, subject_unit_code, template_id, "
                + "weekdays, air_time, location, active, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)")
                .params(communeCode, subject, templateId, weekdays, time, location, actor, ts(at)));
    }

    public void deactivateSlot(long id) {
        jdbc.sql("UPDATE campaign_radio_slot SET active = FALSE WHERE id = ?").param(id).update();
    }

    public long addAiring(String communeCode, Long slotId, Long templateId, String subject, String location,
            Instant airedAt, String script, String actor, Instant recordedAt) {
        return insert(jdbc.sql("INSERT INTO campaign_radio_airing (commune_code, slot_id, template_id, "
                + "subject_unit_code, location, aired_at, script, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(communeCode, slotId, templateId, subject, location, ts(airedAt), script, actor,
                        ts(recordedAt)));
    }

    public Optional<RadioAiring> airing(long id) {
        return jdbc.sql("SELECT * FROM campaign_radio_airing WHERE id = ?").param(id).query(RadioStore::airing)
                .optional();
    }

    /** Airings of a commune with {@code from <= aired_at < to}, oldest first. */
    public List<RadioAiring> airings(String communeCode, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM campaign_radio_airing WHERE commune_code = ? AND aired_at >= ? "
                        + "AND aired_at < ? ORDER BY aired_at, id")
                .params(communeCode, ts(from), ts(to)).query(RadioStore::airing).list();
    }

    private static RadioTemplate template(ResultSet rs, int n) throws SQLException {
        return new RadioTemplate(rs.getLong("id"), rs.getString("unit_code"), rs.getString("title"),
                rs.getString("body"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static RadioSlot slot(ResultSet rs, int n) throws SQLException {
        return new RadioSlot(rs.getLong("id"), rs.getString("commune_code"), rs.getString("subject_unit_code"),
                rs.getLong("template_id"), rs.getString("weekdays"), rs.getObject("air_time", LocalTime.class),
                rs.getString("location"), rs.getBoolean("active"));
    }

    private static RadioAiring airing(ResultSet rs, int n) throws SQLException {
        return new RadioAiring(rs.getLong("id"), rs.getString("commune_code"), nullableLong(rs, "slot_id"),
                nullableLong(rs, "template_id"),
                rs.getString("subject_unit_code"), rs.getString("location"), instant(rs, "aired_at"),
                rs.getString("script"), rs.getString("recorded_by"));
    }
}
