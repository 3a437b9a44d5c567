package vn.bluezone.server.checkins;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.web.ErrorStatus;

/**
 * Console page for health officers: warn everyone who checked in at a registered place on a day between two times
 * (Vietnam time, dd/mm/yyyy), and see recent warnings. A refused form comes back with the reason and what was typed.
 */
@Controller
public class PlaceWarningPages {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withZone(VIETNAM);

    private final PlaceWarningService warnings;
    private final PlaceService places;
    private final CurrentOfficial current;
    private final MessageSource messages;

    public PlaceWarningPages(PlaceWarningService warnings, PlaceService places, CurrentOfficial current,
                             MessageSource messages) {
        this.warnings = warnings;
        this.places = places;
        this.current = current;
        this.messages = messages;
    }

    /** One row of the recent warnings table. */
    public record Row(String place, String window, String message, String issuedBy, String issuedAt) {
    }

    @GetMapping("/console/checkins/warnings")
    public String page(Model model) {
        Official me = current.requireRole(Role.HEALTH_OFFICER, Role.ADMIN);
        fill(model, me);
        return "console/place-warnings";
    }

    @PostMapping("/console/checkins/warnings")
    public String warn(@RequestParam(defaultValue = "") String placeCode, @RequestParam(defaultValue = "") String day,
                       @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                       @RequestParam(defaultValue = "") String message, Model model,
                       jakarta.servlet.http.HttpServletResponse response) {
        Official me = current.requireRole(Role.HEALTH_OFFICER, Role.ADMIN);
        model.addAttribute("placeCode", placeCode);
        model.addAttribute("day", day);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("message", message);
        try {
            LocalDate d = LocalDate.parse(day.strip(), DAY);
            Instant start = d.atTime(LocalTime.parse(from.strip())).atZone(VIETNAM).toInstant();
            Instant end = d.atTime(LocalTime.parse(to.strip())).atZone(VIETNAM).toInstant();
            PlaceWarning w = warnings.warn(me, placeCode.strip(), start, end, message);
            model.addAttribute("issued", w);
            model.addAttribute("placeCode", "");
            model.addAttribute("message", "");
        } catch (DateTimeParseException e) {
            model.addAttribute("error", text("checkins.warning.badTime"));
            response.setStatus(400);
        } catch (DomainException e) {
            model.addAttribute("error", text("checkins.warning.error." + e.code()) + " (" + e.code() + ")");
            response.setStatus(ErrorStatus.of(e).value());
        }
        fill(model, me);
        return "console/place-warnings";
    }

    private void fill(Model model, Official me) {
        model.addAttribute("official", me);
        List<Row> rows = warnings.recent(50).stream().map(w -> new Row(placeLabel(w.placeId()),
                SHOWN.format(w.startsAt()) + " – " + SHOWN.format(w.endsAt()), w.message(), w.issuedBy(),
                SHOWN.format(w.issuedAt()))).toList();
        model.addAttribute("warnings", rows);
    }

    private String placeLabel(long placeId) {
        try {
            var p = places.place(placeId);
            return p.name() + " (" + p.code() + ")";
        } catch (DomainException e) {
            return "#" + placeId;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
