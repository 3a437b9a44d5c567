package vn.bluezone.server.campaign.household;

import java.util.List;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.campaign.CampaignProblem;

/** A CSV import with bad rows: nothing was imported; every bad row is listed with its line number. */
public class ImportRejected extends CampaignProblem {
    private final List<ImportError> errors;

    public ImportRejected(List<ImportError> errors) {
        super(ErrorCode.IMPORT_REJECTED, errors.size() + " bad row(s), nothing imported; first: row "
                + errors.get(0).row() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
