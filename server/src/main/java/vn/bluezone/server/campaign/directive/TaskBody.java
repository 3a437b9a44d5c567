package vn.bluezone.server.campaign.directive;

import java.util.Locale;
import vn.bluezone.server.campaign.CampaignChoice;

/** The bodies a commune letter assigns campaign tasks to. */
public enum TaskBody {
    FATHERLAND_FRONT("Ủy ban Mặt trận Tổ quốc", "Fatherland Front"),
    YOUTH_UNION("Đoàn Thanh niên", "Youth union"),
    WOMEN_UNION("Hội Liên hiệp Phụ nữ", "Women's union"),
    HEALTH_STATION("Trạm Y tế", "Health station"),
    POLICE("Công an", "Police"),
    CULTURE_OFFICE("Văn hóa – Thông tin", "Culture and information office"),
    VILLAGE_HEADS("Trưởng thôn, tổ trưởng tổ dân phố", "Village and residential group heads"),
    OTHER("Đơn vị khác", "Other body");

    private final String vi;
    private final String en;

    TaskBody(String vi, String en) {
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

    public static TaskBody parse(String s) {
        return CampaignChoice.parse(TaskBody.class, s, "body");
    }
}
