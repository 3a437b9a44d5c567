package vn.bluezone.server.campaign.cohort;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.bluezone.server.registry.Areas;

/** The steering committee's export: UTF-8 CSV with a BOM so spreadsheet programs show Vietnamese correctly. */
final class CohortCsv {
    /** The Vietnamese bundle (the export is for the steering committee): cohort labels are {@code campaign.cohort.*}. */
    private static final ResourceBundle VI = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private CohortCsv() {
    }

    static String write(List<PersonStatus> people, Areas areas) {
        StringBuilder s = new StringBuilder("\uFEFF");
        s.append("id,xa,thon,nhom,ho_ten,dien_thoai,so_giay_to,dia_chi,tu_ngay,den_ngay,da_xac_minh,dang_hoat_dong,ly_do\n");
        for (PersonStatus st : people) {
            CohortPerson p = st.person();
            s.append(p.id()).append(',')
                    .append(cell(areas.name(p.communeCode()).orElse(p.communeCode()))).append(',')
                    .append(cell(p.villageCode() == null ? "" : areas.name(p.villageCode()).orElse(p.villageCode())))
                    .append(',').append(cell(VI.getString("campaign.cohort." + p.cohort().name()))).append(',').append(cell(p.fullName())).append(',')
                    .append(cell(p.phone())).append(',').append(cell(p.idNumber() == null ? "" : p.idNumber()))
                    .append(',').append(cell(p.address())).append(',').append(p.startDate()).append(',')
                    .append(p.endDate()).append(',').append(p.verified() ? "co" : "khong").append(',')
                    .append(st.active() ? "co" : "khong").append(',')
                    .append(st.reason() == null ? "" : cell(VI.getString("campaign.cohorts.reason." + st.reason().name())))
                    .append('\n');
        }
        return s.toString();
    }

    /** Quotes a cell; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula. */
    static String cell(String v) {
        String x = v;
        if (!x.isEmpty() && "=+-@".indexOf(x.charAt(0)) >= 0) {
            x = "'" + x;
        }
        return "\"" + x.replace("\"", "\"\"") + "\"";
    }
}
