package vn.bluezone.server.campaign.place;

import java.util.Locale;
import vn.bluezone.server.campaign.CampaignChoice;

/** Kinds of public places where the commune letter asks for posters (section 4 of the campaign issue). */
public enum PlaceKind {
    MARKET("Chợ", "Market"),
    EATERY("Quán ăn", "Eatery"),
    RESTAURANT("Nhà hàng", "Restaurant"),
    ONE_STOP_DESK("Bộ phận một cửa", "One-stop administrative desk"),
    SCHOOL("Trường học", "School"),
    HEALTH_STATION("Trạm y tế", "Health station"),
    BUS_STATION("Bến xe", "Bus station"),
    OTHER("Địa điểm khác", "Other place");

    private final String vi;
    private final String en;

    PlaceKind(String vi, String en) {
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

    public static PlaceKind parse(String s) {
        return CampaignChoice.parse(PlaceKind.class, s, "place kind");
    }
}
