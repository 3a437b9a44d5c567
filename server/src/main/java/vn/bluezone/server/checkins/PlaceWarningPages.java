package vn.bluezone.server.checkins;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
        // Strict: 31/11 is refused, never moved to 30/11 (issue 13, problem 5). Each bad field is named next to it.
        java.util.Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
        var d = vn.bluezone.server.web.Dates.parse(day);
        var f = vn.bluezone.server.web.Times.parse(from);
        var t = vn.bluezone.server.web.Times.parse(to);
        if (d.isEmpty()) {
            fieldErrors.put("day", text("checkins.warning.badDay"));
        }
        if (f.isEmpty()) {
            fieldErrors.put("from", text("checkins.warning.badTime"));
        }
        if (t.isEmpty()) {
            fieldErrors.put("to", text("checkins.warning.badTime"));
        }
        if (fieldErrors.isEmpty()) {
            try {
                Instant start = d.get().atTime(f.get()).atZone(VIETNAM).toInstant();
                Instant end = d.get().atTime(t.get()).atZone(VIETNAM).toInstant();
                PlaceWarning w = warnings.warn(me, placeCode.strip(), start, end, message);
                model.addAttribute("issued", w);
                model.addAttribute("placeCode", "");
                model.addAttribute("message", "");
            } catch (DomainException e) {
                // The officer reads the reason in words; the code itself is for the API (no enum names on pages).
                String field = switch (e.code()) {
                    case "PLACE_NOT_FOUND", "OUT_OF_SCOPE" -> "placeCode";
                    case "INVALID_MESSAGE" -> "message";
                    default -> "to";
                };
                fieldErrors.put(field, text("checkins.warning.error." + e.code()));
                response.setStatus(ErrorStatus.of(e).value());
            }
        } else {
            response.setStatus(400);
        }
        if (!fieldErrors.isEmpty()) {
            model.addAttribute("error", text("checkins.warning.refused"));
        }
        model.addAttribute("fieldErrors", fieldErrors);
        fill(model, me);
        return "console/place-warnings";
    }

    private void fill(Model model, Official me) {
        model.addAttribute("official", me);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", java.util.Map.of());
        }
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
