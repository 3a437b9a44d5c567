package vn.bluezone.server.keys.verification;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.keys.sms.PhoneNumbers;
import vn.bluezone.server.keys.sms.SmsSender;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.web.Dates;
import vn.bluezone.server.web.ErrorStatus;

/**
 * The F0 code page, with the verification server's workflow: issue a code for a case reference (never a name), see
 * when it expires in Vietnam time with a countdown, optionally send the long code by SMS, look a code up by its id,
 * expire one after a confirmation step, issue codes for a CSV list, and read per-day figures. Every text is in the
 * bundles ({@code codes.*}); a refused form comes back filled, with the message next to its field.
 */
@Controller
public class CodesPages {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CodesPages.class);
    private final VerificationService service;
    private final BulkCodes bulk;
    private final CodeStatistics statistics;
    private final SmsSender sms;
    private final CurrentOfficial current;
    private final MessageSource messages;

    public CodesPages(VerificationService service, BulkCodes bulk, CodeStatistics statistics, SmsSender sms,
            CurrentOfficial current, MessageSource messages) {
        this.service = service;
        this.bulk = bulk;
        this.statistics = statistics;
        this.sms = sms;
        this.current = current;
        this.messages = messages;
    }

    /** What the issue form held. */
    public record IssueForm(String reportType, String symptomDate, String testDate, String caseReference,
            String region, String phone) {
        static IssueForm empty() {
            return new IssueForm("CONFIRMED_TEST", "", "", "", "", "");
        }
    }

    private Official officer() {
        return current.requireRole(VerificationService.ISSUERS.toArray(vn.bluezone.server.accounts.Role[]::new));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
    }

    private String problem(DomainException e) {
        return messages.getMessage("codes.error." + e.code(), null, text("codes.error.other"),
                LocaleContextHolder.getLocale());
    }

    @GetMapping("/console/codes")
    public String page(Model model) {
        Official me = officer();
        fill(model, me, IssueForm.empty());
        return "console/codes";
    }

    @PostMapping("/console/codes")
    public String issue(@RequestParam(defaultValue = "") String reportType,
            @RequestParam(defaultValue = "") String symptomDate, @RequestParam(defaultValue = "") String testDate,
            @RequestParam(defaultValue = "") String caseReference, @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String phone, Model model, HttpServletResponse response) {
        Official me = officer();
        IssueForm form = new IssueForm(reportType, symptomDate, testDate, caseReference, region, phone);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        ReportType type = VerificationService.ISSUABLE.stream().filter(t -> t.name().equals(reportType)).findFirst()
                .orElse(null);
        if (type == null) {
            fieldErrors.put("reportType", text("codes.error.INVALID_REPORT_TYPE"));
        }
        var symptom = Dates.parse(symptomDate);
        if (!symptomDate.isBlank() && symptom.isEmpty()) {
            fieldErrors.put("symptomDate", text("codes.error.BAD_DATE"));
        }
        var test = Dates.parse(testDate);
        if (!testDate.isBlank() && test.isEmpty()) {
            fieldErrors.put("testDate", text("codes.error.BAD_DATE"));
        }
        String mobile = null;
        if (!phone.isBlank()) {
            mobile = PhoneNumbers.mobile(phone).orElse(null);
            if (mobile == null) {
                fieldErrors.put("phone", text("codes.error.BAD_PHONE"));
            }
        }
        if (fieldErrors.isEmpty()) {
            try {
                VerificationService.IssuedCode code = service.issue(me, new VerificationService.IssueRequest(type,
                        symptom.orElse(null), test.orElse(null), region.isBlank() ? null : region, caseReference));
                model.addAttribute("issued", code);
                if (mobile != null) {
                    sendSms(code, mobile, model);
                }
                fill(model, me, IssueForm.empty());
                return "console/codes";
            } catch (DomainException e) {
                if (ErrorStatus.isForbidden(e)) {
                    throw e;
                }
                fieldErrors.put(e.field() != null ? e.field() : "form", problem(e));
            }
        }
        fill(model, me, form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("error", text("codes.refused"));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "console/codes";
    }

    /**
     * Sets {@code smsResult}: "sent", "logged" (no gateway: read the code out) or "failed.&lt;reason&gt;" with the
     * gateway's status in {@code smsStatus}, so the officer knows the patient has no message and why.
     */
    private void sendSms(VerificationService.IssuedCode code, String mobile, Model model) {
        String body = text("codes.sms.text", code.longCode(), vn.bluezone.server.console.Formats.format(
                code.longCodeExpiresAt()));
        try {
            sms.send(mobile, body);
            if (!sms.delivers()) {
                model.addAttribute("smsResult", "logged");
                return;
            }
            service.markSmsSent(code.id());
            model.addAttribute("smsResult", "sent");
        } catch (SmsSender.SmsFailed e) {
            LOG.warn("SMS for code {} not sent: {}", code.id(), e.getMessage());
            model.addAttribute("smsResult", "failed." + e.reason().name());
            model.addAttribute("smsStatus", e.status());
        }
    }

    @GetMapping("/console/codes/lookup")
    public String lookup(@RequestParam(defaultValue = "") String id, Model model, HttpServletResponse response) {
        Official me = officer();
        fill(model, me, IssueForm.empty());
        model.addAttribute("lookupId", id);
        try {
            model.addAttribute("found", service.lookup(me, id));
        } catch (DomainException e) {
            model.addAttribute("lookupError", text("codes.lookup.notFound", id));
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return "console/codes";
    }

    /** The confirmation step before a code is expired: which code, for which case, and what it means. */
    @GetMapping("/console/codes/{id}/expire")
    public String confirmExpire(@PathVariable String id, Model model) {
        Official me = officer();
        model.addAttribute("official", me);
        model.addAttribute("code", service.lookup(me, id));
        return "console/code-expire";
    }

    @PostMapping("/console/codes/{id}/expire")
    public String expire(@PathVariable String id, RedirectAttributes flash) {
        Official me = officer();
        try {
            VerificationService.CodeStatus s = service.expire(me, id);
            flash.addFlashAttribute("info", text("codes.expired", s.shortId()));
        } catch (DomainException e) {
            if (ErrorStatus.isForbidden(e)) {
                throw e;
            }
            flash.addFlashAttribute("error", problem(e));
        }
        return "redirect:/console/codes";
    }

    @GetMapping("/console/codes/statistics")
    public String statisticsPage(@RequestParam(defaultValue = "14") int days, Model model) {
        Official me = officer();
        model.addAttribute("official", me);
        model.addAttribute("days", Math.max(1, Math.min(days, 90)));
        model.addAttribute("lines", statistics.lastDays(me, days));
        return "console/code-statistics";
    }

    @PostMapping("/console/codes/bulk")
    public String bulkIssue(@RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "csv", required = false) String pasted, Model model, HttpServletResponse response)
            throws IOException {
        Official me = officer();
        String csv = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : pasted;
        fill(model, me, IssueForm.empty());
        try {
            model.addAttribute("bulkIssued", bulk.issue(me, csv));
        } catch (BulkCodes.Rejected r) {
            model.addAttribute("bulkCsv", pasted);
            model.addAttribute("bulkProblems", r.problems().stream().map(p -> messages.getMessage(
                    "codes.bulk." + p.code(), new Object[] {p.line(), p.value()},
                    text("codes.bulk.other", p.line()), LocaleContextHolder.getLocale())).toList());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "console/codes";
    }

    private void fill(Model model, Official me, IssueForm form) {
        model.addAttribute("official", me);
        model.addAttribute("types", VerificationService.ISSUABLE);
        model.addAttribute("codes", service.recent(me, 50));
        model.addAttribute("form", form);
        model.addAttribute("smsDelivers", sms.delivers());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        model.addAttribute("bulkMax", BulkCodes.MAX_ROWS);
    }

}
