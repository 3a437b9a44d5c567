package vn.bluezone.server.campaign.desk;

import java.util.Locale;
import vn.bluezone.server.campaign.CampaignChoice;

/** Administrative procedures during which a one-stop desk helps people install. */
public enum ProcedureType {
    CIVIL_STATUS("Hộ tịch (khai sinh, kết hôn...)", "Civil status"),
    RESIDENCE("Cư trú", "Residence"),
    CERTIFICATION("Chứng thực", "Certification"),
    LAND("Đất đai, xây dựng", "Land and building"),
    SOCIAL("Chính sách xã hội", "Social welfare"),
    OTHER("Thủ tục khác", "Other procedure");

    private final String vi;
    private final String en;

    ProcedureType(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }

    public static ProcedureType parse(String s) {
        return CampaignChoice.parse(ProcedureType.class, s, "procedure type");
    }
}
