package vn.bluezone.server.campaign.household;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;

/** Door to door: households per village, CSV import, visits, progress. */
@RestController
@RequestMapping("/api/v1/admin/campaign")
public class HouseholdApi {
    private final HouseholdService households;
    private final CampaignAccess access;
    private final HouseholdReads reads;

    public HouseholdApi(HouseholdService households, CampaignAccess access, HouseholdReads reads) {
        this.reads = reads;
        this.households = households;
        this.access = access;
    }

    public record NewHousehold(String villageCode, String headName, String address, Integer members,
            Integer smartphones) {
    }

    public record ProgressReport(List<Progress> byVillage, List<Progress> byVolunteer, List<Progress> byBranch,
            List<Household> notVisited) {
    }

    @PostMapping("/communes/{commune}/households")
    @ResponseStatus(HttpStatus.CREATED)
    public Household add(@PathVariable String commune, @RequestBody NewHousehold h) {
        Official o = access.require(VISITORS, commune);
        return households.add(commune, h.villageCode(), h.headName(), h.address(), h.members(), h.smartphones(),
                o.username());
    }

    /** CSV in the body (text/csv); 400 IMPORT_REJECTED lists every bad row with its line number. */
    @PostMapping(path = "/communes/{commune}/households/import", consumes = {"text/csv", "text/plain"})
    public Map<String, Integer> importCsv(@PathVariable String commune, @RequestBody String csv) {
        Official o = access.require(MANAGERS, commune);
        return Map.of("imported", households.importCsv(commune, csv, o.username()));
    }

    @GetMapping("/villages/{village}/households")
    public List<Household> inVillage(@PathVariable String village) {
        Official o = access.require(VISITORS, village);
        List<Household> list = households.inVillage(village);
        reads.read(o, village, list); // names and addresses shown: audited (issue 15 §4)
        return list;
    }

    @PostMapping("/households/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    public Visit visit(@PathVariable long id, @RequestBody NewVisit v) {
        Official o = access.requireRecord(VISITORS, () -> households.household(id).villageCode(),
                () -> HouseholdService.notFound(id));
        return households.recordVisit(id, v, o.username());
    }

    @GetMapping("/communes/{commune}/household-progress")
    public ProgressReport progress(@PathVariable String commune,
            @RequestParam(required = false) String village) {
        Official o = access.require(VISITORS, commune);
        List<Household> notVisited = households.notVisited(commune, village);
        reads.read(o, village == null ? commune : village, notVisited);
        return new ProgressReport(households.byVillage(commune), households.byVolunteer(commune),
                households.byBranch(commune), notVisited);
    }
}
