package vn.bluezone.simulator.radio;

import java.util.List;
import vn.bluezone.device.sim.CalibrationError;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/** What the MITLL-UA fit tests share: the contact model's calibration variance, the CWA model they replace, the fit. */
final class MitllUaFits {
    /** Two phones' calibration errors per pair, as the contact model draws them. */
    static final double CALIBRATION_VARIANCE = 2 * Math.pow(CalibrationError.PER_PHONE_SIGMA_DB, 2);
    /** Corona-Warn-App calibration (protocol/README.md): every environment's model before its fit. */
    static final double CWA_REFERENCE_DB = 50.3;
    static final double CWA_SLOPE_DB = 26.6;

    private MitllUaFits() {
    }

    static EnvironmentFit.Fit fit(String resource) {
        return EnvironmentFit.fit(StudyData.read(resource), CALIBRATION_VARIANCE);
    }

    /** Scans in a study file, all exposures together. */
    static int scans(String resource) {
        List<FieldExposure> data = StudyData.read(resource);
        return data.stream().mapToInt(e -> e.histogram().seconds().length).sum();
    }
}
