package vn.bluezone.server.campaign.cohort;

import java.util.Locale;
import vn.bluezone.server.campaign.CampaignChoice;

/** Groups of people whom the health authorities require to install (section 1 of the campaign issue). */
public enum CohortKind {
    CENTRALIZED_QUARANTINE("Cách ly tập trung", "Centralized quarantine"),
    HOME_QUARANTINE("Cách ly tại nhà", "Home quarantine"),
    TEST_DUE("Cần xét nghiệm COVID-19", "Due for a COVID-19 test"),
    ARRIVAL("Người từ nơi khác đến", "Arrival from elsewhere");

    private final String vi;
    private final String en;

    CohortKind(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }

    public String label(Locale locale) {
        return CampaignChoice.label(locale, vi, en);
    }

    public static CohortKind parse(String s) {
        return CampaignChoice.parse(CohortKind.class, s, "cohort");
    }
}
