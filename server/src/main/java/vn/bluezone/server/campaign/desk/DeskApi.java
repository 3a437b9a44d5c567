package vn.bluezone.server.campaign.desk;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;

/** The one-stop desk's quick entry and totals. */
@RestController
@RequestMapping("/api/v1/admin/campaign")
public class DeskApi {
    private final DeskService desk;
    private final CampaignAccess access;
    private final CampaignClock clock;

    public DeskApi(DeskService desk, CampaignAccess access, CampaignClock clock) {
        this.desk = desk;
        this.access = access;
        this.clock = clock;
    }

    public record NewDeskEntry(String desk, String procedure, LocalDate day, Integer installs) {
    }

    public record DeskReport(LocalDate from, LocalDate to, List<DeskTotal> perDesk, List<DeskTotal> perDeskAndDay) {
    }

    @PostMapping("/communes/{commune}/desk-entries")
    @ResponseStatus(HttpStatus.CREATED)
    public DeskEntry addDesk(@PathVariable String commune, @RequestBody NewDeskEntry e) {
        Official o = access.require(MANAGERS, commune);
        return desk.add(commune, e.desk(), e.procedure(), e.day(), e.installs(), o.username());
    }

    @GetMapping("/communes/{commune}/desk-totals")
    public DeskReport deskTotals(@PathVariable String commune,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.require(STAFF, commune);
        LocalDate t = to == null ? clock.today() : to;
        LocalDate f = from == null ? t.minusDays(6) : from;
        if (t.isBefore(f)) {
            throw new CampaignProblem(ErrorCode.BAD_RANGE, "'to' is before 'from'");
        }
        return new DeskReport(f, t, desk.perDesk(commune, f, t), desk.perDeskAndDay(commune, f, t));
    }
}
