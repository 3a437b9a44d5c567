package vn.bluezone.server.campaign.desk;

import static vn.bluezone.server.campaign.Rows.date;
import static vn.bluezone.server.campaign.Rows.insert;
import static vn.bluezone.server.campaign.Rows.ts;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.Fields;

/** The one-stop desk (section 5): quick entry of assisted installs, totals per desk and day. */
@Service
public class DeskService {
    static final int MAX_PER_ENTRY = 500;
    static final int MAX_DAYS_BACK = 31;

    private final JdbcClient jdbc;
    private final Areas areas;
    private final CampaignClock clock;

    public DeskService(JdbcClient jdbc, Areas areas, CampaignClock clock) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.clock = clock;
    }

    @Transactional
    public DeskEntry add(String communeCode, String desk, String procedure, LocalDate day, Integer installs,
            String actor) {
        areas.requireName(communeCode);
        String d = Fields.required(desk, "desk", 200);
        ProcedureType p;
        try {
            p = ProcedureType.parse(procedure);
        } catch (IllegalArgumentException e) {
            throw new CampaignProblem(ErrorCode.BAD_PROCEDURE, e.getMessage() + "; one of "
                    + java.util.Arrays.toString(ProcedureType.values()), "procedure");
        }
        LocalDate when = day == null ? clock.today() : day;
        if (when.isAfter(clock.today()) || when.isBefore(clock.today().minusDays(MAX_DAYS_BACK))) {
            throw new CampaignProblem(ErrorCode.BAD_DAY, "the day must be within the last " + MAX_DAYS_BACK
                    + " days, not in the future", "day");
        }
        if (installs == null || installs < 1 || installs > MAX_PER_ENTRY) {
            throw new CampaignProblem(ErrorCode.BAD_COUNT, "installs must be between 1 and " + MAX_PER_ENTRY,
                    "installs");
        }
        long id = insert(jdbc.sql("INSERT INTO campaign_desk_entry (commune_code, desk, procedure_type, entry_day, "
                + "installs, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(communeCode, d, p.name(), when, installs, actor, ts(clock.now())));
        return jdbc.sql("SELECT * FROM campaign_desk_entry WHERE id = ?").param(id).query((rs, n) -> new DeskEntry(
                rs.getLong("id"), rs.getString("commune_code"), rs.getString("desk"),
                ProcedureType.valueOf(rs.getString("procedure_type")), date(rs, "entry_day"), rs.getInt("installs"),
                rs.getString("recorded_by"))).single();
    }

    /** Installs per desk and day between two days inclusive, newest day first. */
    public List<DeskTotal> perDeskAndDay(String communeCode, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT desk, entry_day, SUM(installs) FROM campaign_desk_entry WHERE commune_code = ? "
                        + "AND entry_day BETWEEN ? AND ? GROUP BY desk, entry_day ORDER BY entry_day DESC, desk")
                .params(communeCode, from, to)
                .query((rs, n) -> new DeskTotal(rs.getString(1), date(rs, "entry_day"), rs.getLong(3))).list();
    }

    /** Installs per desk over the period, most first. */
    public List<DeskTotal> perDesk(String communeCode, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT desk, SUM(installs) AS total FROM campaign_desk_entry WHERE commune_code = ? "
                        + "AND entry_day BETWEEN ? AND ? GROUP BY desk ORDER BY total DESC, desk")
                .params(communeCode, from, to)
                .query((rs, n) -> new DeskTotal(rs.getString(1), null, rs.getLong(2))).list();
    }
}
