package vn.bluezone.protocol.checkin;

/** A check-in link, payload, report or package that cannot be used; {@link #code()} is a stable reason. */
public final class CheckinFormatException extends RuntimeException {
    private final String code;

    public CheckinFormatException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
