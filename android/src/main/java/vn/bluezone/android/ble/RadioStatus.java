package vn.bluezone.android.ble;

/**
 * What the radio last managed to do, for the home screen: a scan or advertisement that could not start says why.
 * Written from the BLE callbacks, read by the UI.
 */
public final class RadioStatus {
    public enum Problem { BLUETOOTH_OFF, PERMISSION_MISSING, RADIO_ERROR }

    private volatile boolean scanning;
    private volatile boolean advertising;
    private volatile Problem scanProblem;
    private volatile Problem advertiseProblem;

    void scanning(boolean ok, Problem problem) {
        scanning = ok;
        scanProblem = problem;
    }

    void advertising(boolean ok, Problem problem) {
        advertising = ok;
        advertiseProblem = problem;
    }

    public boolean scanning() {
        return scanning;
    }

    public boolean advertising() {
        return advertising;
    }

    /** The scan's problem if any, else the advertisement's. */
    public Problem problem() {
        return scanProblem != null ? scanProblem : advertiseProblem;
    }
}
