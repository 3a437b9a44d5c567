package vn.bluezone.server.campaign.place;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignProblem;

/** Public places: register, installs per place, poster PDF. */
@RestController
@RequestMapping("/api/v1/admin/campaign")
public class PlaceApi {
    private final PlaceService places;
    private final CampaignAccess access;

    public PlaceApi(PlaceService places, CampaignAccess access) {
        this.places = places;
        this.access = access;
    }

    public record NewPlace(String villageCode, String kind, String name, String contact) {
    }

    /** {@code installUrl} is absent while no public address is configured ({@code bluezone.public-url}). */
    public record PlaceView(Place place, String installUrl) {
    }

    @PostMapping("/communes/{commune}/places")
    @ResponseStatus(HttpStatus.CREATED)
    public PlaceView add(@PathVariable String commune, @RequestBody NewPlace p) {
        Official o = access.require(MANAGERS, commune);
        Place place = places.create(commune, p.villageCode(), p.kind(), p.name(), p.contact(), o.username());
        return new PlaceView(place, places.installUrl(place).orElse(null));
    }

    @GetMapping("/communes/{commune}/places")
    public List<PlaceRow> table(@PathVariable String commune) {
        access.require(STAFF, commune);
        return places.table(commune);
    }

    @GetMapping("/places/{id}/poster.pdf")
    public ResponseEntity<byte[]> poster(@PathVariable long id, @RequestParam(defaultValue = "A4") String size) {
        access.requireRecord(STAFF, () -> places.place(id).communeCode(), () -> PlaceService.notFound(id));
        Place place = places.place(id);
        PaperSize paper;
        try {
            paper = PaperSize.parse(size);
        } catch (IllegalArgumentException e) {
            throw new CampaignProblem(ErrorCode.BAD_PAPER_SIZE, e.getMessage());
        }
        return pdf(places.poster(place, paper), "poster-" + place.code() + "-" + paper + ".pdf");
    }

    public static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"").body(body);
    }
}
