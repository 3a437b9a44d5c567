package vn.bluezone.device.checkin;

/** A check-in action the app must refuse, with a stable {@link #code()} to pick the text shown to the user. */
public final class CheckinException extends RuntimeException {
    private final String code;

    public CheckinException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
