package vn.bluezone.server.web;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.bluezone.api.ApiLimits;
import vn.bluezone.api.officer.ClockTime;
import vn.bluezone.api.officer.NewCode;
import vn.bluezone.api.verification.CertificateRequest;
import vn.bluezone.api.verification.VerifyRequest;

/**
 * Bean Validation for the contract's request records, which cannot carry Jakarta annotations (the api module is
 * plain Java for Android). Controllers add it in an {@code @InitBinder}; a refusal is the usual 400
 * {@code VALIDATION_FAILED} with {@code fields}, worded as Hibernate Validator words it.
 */
public final class ContractValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return type == VerifyRequest.class || type == CertificateRequest.class || type == NewCode.class
                || type == ClockTime.class;
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (target instanceof VerifyRequest r) {
            text(errors, "code", r.code(), ApiLimits.CODE_MAX_LENGTH);
        } else if (target instanceof CertificateRequest r) {
            text(errors, "token", r.token(), ApiLimits.TOKEN_MAX_LENGTH);
            text(errors, "ekeyhmac", r.ekeyhmac(), ApiLimits.EKEYHMAC_MAX_LENGTH);
        } else if (target instanceof NewCode r) {
            if (r.reportType() == null) {
                errors.rejectValue("reportType", "NotNull", "must not be null");
            }
            if (r.region() != null && r.region().length() > 8) {
                errors.rejectValue("region", "Size", "size must be between 0 and 8");
            }
        } else if (target instanceof ClockTime r && r.now() == null) {
            errors.rejectValue("now", "NotNull", "must not be null");
        }
    }

    private static void text(Errors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "NotBlank", "must not be blank");
        } else if (value.length() > max) {
            errors.rejectValue(field, "Size", "size must be between 0 and " + max);
        }
    }
}
