package vn.bluezone.server.campaign.radio;

import vn.bluezone.server.campaign.place.PlaceApi;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignClock;

/** Radio and loudspeakers: templates, schedule, airing log, announcer sheet. */
@RestController
@RequestMapping("/api/v1/admin/campaign")
public class RadioApi {
    private final RadioService radio;
    private final AnnouncerSheet sheet;
    private final CampaignAccess access;
    private final CampaignClock clock;
    private final Areas areas;

    public RadioApi(RadioService radio, AnnouncerSheet sheet, CampaignAccess access, CampaignClock clock,
            Areas areas) {
        this.radio = radio;
        this.sheet = sheet;
        this.access = access;
        this.clock = clock;
        this.areas = areas;
    }

    public record NewTemplate(String title, String body) {
    }

    public record NewSlot(String subjectUnitCode, Long templateId, String weekdays,
            @DateTimeFormat(pattern = "HH:mm") LocalTime airTime, String location) {
    }

    public record NewAiring(Instant airedAt, String script) {
    }

    @GetMapping("/communes/{commune}/radio/templates")
    public List<RadioTemplate> templates(@PathVariable String commune) {
        access.require(STAFF, commune);
        return radio.templatesFor(commune);
    }

    @PostMapping("/units/{unit}/radio/templates")
    @ResponseStatus(HttpStatus.CREATED)
    public RadioTemplate addTemplate(@PathVariable String unit, @RequestBody NewTemplate t) {
        Official o = access.require(MANAGERS, unit);
        return radio.addTemplate(unit, t.title(), t.body(), o.username());
    }

    @GetMapping("/communes/{commune}/radio/templates/{id}/preview")
    public java.util.Map<String, String> preview(@PathVariable String commune, @PathVariable long id,
            @RequestParam String subject) {
        access.require(STAFF, commune);
        access.require(STAFF, subject);
        return java.util.Map.of("script", radio.scriptFor(commune, id, subject, clock.today()));
    }

    @PostMapping("/communes/{commune}/radio/slots")
    @ResponseStatus(HttpStatus.CREATED)
    public RadioSlot addSlot(@PathVariable String commune, @RequestBody NewSlot s) {
        Official o = access.require(MANAGERS, commune);
        return radio.addSlot(commune, s.subjectUnitCode(), s.templateId() == null ? -1 : s.templateId(),
                s.weekdays(), s.airTime(), s.location(), o.username());
    }

    @DeleteMapping("/radio/slots/{id}")
    public ResponseEntity<Void> removeSlot(@PathVariable long id) {
        access.requireRecord(MANAGERS, () -> radio.slot(id).communeCode(), () -> RadioService.slotNotFound(id));
        radio.removeSlot(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/communes/{commune}/radio/schedule")
    public List<ScheduledAnnouncement> schedule(@PathVariable String commune,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        access.require(STAFF, commune);
        return radio.schedule(commune, day == null ? clock.today() : day);
    }

    @PostMapping("/radio/slots/{id}/airings")
    @ResponseStatus(HttpStatus.CREATED)
    public RadioAiring aired(@PathVariable long id, @RequestBody(required = false) NewAiring a) {
        Official o = access.requireRecord(MANAGERS, () -> radio.slot(id).communeCode(),
                () -> RadioService.slotNotFound(id));
        return radio.recordAiring(id, a == null ? null : a.airedAt(), a == null ? null : a.script(), o.username());
    }

    @GetMapping("/communes/{commune}/radio/log")
    public List<RadioAiring> log(@PathVariable String commune,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.require(STAFF, commune);
        LocalDate t = to == null ? clock.today() : to;
        return radio.log(commune, from == null ? t.minusDays(6) : from, t);
    }

    @GetMapping("/communes/{commune}/radio/sheet.txt")
    public ResponseEntity<String> sheetText(@PathVariable String commune,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        access.require(STAFF, commune);
        LocalDate d = day == null ? clock.today() : day;
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(sheet.text(areas.requireName(commune), d, radio.schedule(commune, d)));
    }

    @GetMapping("/communes/{commune}/radio/sheet.pdf")
    public ResponseEntity<byte[]> sheetPdf(@PathVariable String commune,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        access.require(STAFF, commune);
        LocalDate d = day == null ? clock.today() : day;
        return PlaceApi.pdf(sheet.pdf(areas.requireName(commune), d, radio.schedule(commune, d)),
                "radio-" + commune + "-" + d + ".pdf");
    }
}
