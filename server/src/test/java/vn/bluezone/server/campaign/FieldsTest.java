package vn.bluezone.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;

/** The shared text checks: a refusal carries the field it is about, as the form and the JSON body name it. */
class FieldsTest {

    @Test
    void aMissingValueNamesItsField() {
        for (String blank : new String[] {null, "", "  \t"}) {
            CampaignProblem p = catchThrowableOfType(CampaignProblem.class,
                    () -> Fields.required(blank, "headName", 200));
            assertThat(p.errorCode()).isEqualTo(ErrorCode.FIELD_REQUIRED);
            assertThat(p.field()).isEqualTo("headName");
        }
    }

    @Test
    void aLongValueNamesItsFieldWhetherRequiredOrNot() {
        String tooLong = "ả".repeat(201);
        CampaignProblem required = catchThrowableOfType(CampaignProblem.class,
                () -> Fields.required(tooLong, "displayName", 200));
        CampaignProblem optional = catchThrowableOfType(CampaignProblem.class,
                () -> Fields.optional(tooLong, "organisation", 200));
        assertThat(required.errorCode()).isEqualTo(ErrorCode.FIELD_TOO_LONG);
        assertThat(required.field()).isEqualTo("displayName");
        assertThat(optional.errorCode()).isEqualTo(ErrorCode.FIELD_TOO_LONG);
        assertThat(optional.field()).isEqualTo("organisation");
    }

    @Test
    void acceptedValuesAreStrippedAndComposed() {
        // "ả" typed as a + combining hook above: stored composed (NFC), one character.
        assertThat(Fields.required("  a\u0309 ", "name", 1)).isEqualTo("ả");
        assertThat(Fields.optional(" ", "contact", 10)).isNull();
        assertThat(Fields.optional(null, "contact", 10)).isNull();
    }
}
