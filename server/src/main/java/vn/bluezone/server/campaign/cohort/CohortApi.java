package vn.bluezone.server.campaign.cohort;

import static vn.bluezone.server.campaign.CampaignAccess.COHORT_EXPORTERS;
import static vn.bluezone.server.campaign.CampaignAccess.COHORT_READERS;
import static vn.bluezone.server.campaign.CampaignAccess.COHORT_WRITERS;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;

/** People who must install: record, verify an install by its code, compliance, visit list, export. */
@RestController
@RequestMapping("/api/v1/admin/campaign")
public class CohortApi {
    private final CohortService cohorts;
    private final CampaignAccess access;

    public CohortApi(CohortService cohorts, CampaignAccess access) {
        this.cohorts = cohorts;
        this.access = access;
    }

    public record VerifyRequest(String installCode) {
    }

    @PostMapping("/communes/{commune}/cohort-people")
    @ResponseStatus(HttpStatus.CREATED)
    public PersonStatus register(@PathVariable String commune, @RequestBody NewPerson person) {
        Official o = access.require(COHORT_WRITERS, commune);
        CohortPerson p = cohorts.register(commune, person, o.username());
        return new PersonStatus(p, null, false, true, ComplianceReason.NOT_VERIFIED);
    }

    @GetMapping("/communes/{commune}/cohort-people")
    public List<PersonStatus> list(@PathVariable String commune) {
        Official o = access.require(COHORT_READERS, commune);
        return cohorts.list(commune, o.username());
    }

    @GetMapping("/cohort-people/{id}")
    public PersonStatus view(@PathVariable long id) {
        Official o = access.requireRecord(COHORT_READERS, () -> cohorts.find(id).communeCode(),
                () -> CohortService.notFound(id));
        return cohorts.view(id, o.username());
    }

    @PostMapping("/cohort-people/{id}/verify")
    public PersonStatus verify(@PathVariable long id, @RequestBody VerifyRequest body) {
        Official o = access.requireRecord(COHORT_WRITERS, () -> cohorts.find(id).communeCode(),
                () -> CohortService.notFound(id));
        return cohorts.verify(id, body.installCode(), o.username());
    }

    @GetMapping("/cohort-people/{id}/access-log")
    public List<AccessEntry> accessLog(@PathVariable long id) {
        access.requireRecord(COHORT_EXPORTERS, () -> cohorts.find(id).communeCode(), () -> CohortService.notFound(id));
        return cohorts.accessLog(id);
    }

    @GetMapping("/communes/{commune}/cohort-visits")
    public List<PersonStatus> needingVisit(@PathVariable String commune) {
        Official o = access.require(COHORT_READERS, commune);
        return cohorts.needingVisit(commune, o.username());
    }

    @GetMapping("/areas/{area}/cohort-compliance")
    public List<ComplianceRow> compliance(@PathVariable String area) {
        access.require(COHORT_READERS, area);
        return cohorts.compliance(area);
    }

    @GetMapping("/areas/{area}/cohort-export.csv")
    public ResponseEntity<byte[]> export(@PathVariable String area) {
        Official o = access.require(COHORT_EXPORTERS, area);
        byte[] csv = cohorts.exportCsv(area, o.username()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cohort-" + area + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(csv);
    }
}
