package vn.bluezone.server.campaign.cohort;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.bluezone.server.console.Formats;
import vn.bluezone.server.registry.Areas;

/** The steering committee's export: UTF-8 CSV with a BOM so spreadsheet programs show Vietnamese correctly. */
final class CohortCsv {
    /** The Vietnamese bundle (the export is for the steering committee): cohort labels are {@code campaign.cohort.*}. */
    private static final ResourceBundle VI = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private CohortCsv() {
    }

    /**
     * Opened in a spreadsheet by the steering committee, so written as the console's other Vietnamese exports are:
     * column names in Vietnamese, ';' between fields (Excel set to Vietnamese reads ',' as the decimal mark) and
     * days as dd/mm/yyyy.
     */
    static String write(List<PersonStatus> people, Areas areas) {
        StringBuilder s = new StringBuilder("\uFEFF");
        s.append(VI.getString("campaign.cohorts.csv.header")).append('\n');
        String yes = VI.getString("campaign.cohorts.csv.yes");
        String no = VI.getString("campaign.cohorts.csv.no");
        for (PersonStatus st : people) {
            CohortPerson p = st.person();
            s.append(String.join(";", String.valueOf(p.id()),
                    cell(areas.name(p.communeCode()).orElse(p.communeCode())),
                    cell(p.villageCode() == null ? "" : areas.name(p.villageCode()).orElse(p.villageCode())),
                    cell(VI.getString("campaign.cohort." + p.cohort().name())), cell(p.fullName()), cell(p.phone()),
                    cell(p.idNumber() == null ? "" : p.idNumber()), cell(p.address()), Formats.format(p.startDate()),
                    Formats.format(p.endDate()), p.verified() ? yes : no, st.active() ? yes : no,
                    st.reason() == null ? "" : cell(VI.getString("campaign.cohorts.reason." + st.reason().name()))))
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
