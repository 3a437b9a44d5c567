package vn.bluezone.android.ui;

import vn.bluezone.android.R;

/** The one state the home screen shows, most urgent first. */
enum HomeState {
    EXPOSED(R.string.home_state_exposed, R.color.bz_red),
    BLUETOOTH_OFF(R.string.home_state_bluetooth_off, R.color.bz_amber),
    NOT_SCANNING(R.string.home_state_not_scanning, R.color.bz_amber),
    PROTECTED(R.string.home_state_protected, R.color.bz_green);

    final int text;
    final int color;

    HomeState(int text, int color) {
        this.text = text;
        this.color = color;
    }

    /**
     * @param warned a warning was given in the last 14 days
     * @param bluetoothOn the adapter is on
     * @param permitted the Bluetooth permissions are granted
     * @param radioFailed the last scan or advertisement could not start
     */
    static HomeState of(boolean warned, boolean bluetoothOn, boolean permitted, boolean radioFailed) {
        if (warned) {
            return EXPOSED;
        }
        if (!bluetoothOn) {
            return BLUETOOTH_OFF;
        }
        return permitted && !radioFailed ? PROTECTED : NOT_SCANNING;
    }
}
