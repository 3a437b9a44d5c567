package vn.bluezone.protocol;

/**
 * How a case was diagnosed. Numbers are the standard export file's {@code ReportType} values so that files
 * read and written here agree with every GAEN phone and server.
 */
public enum ReportType {
    UNKNOWN(0),
    CONFIRMED_TEST(1),
    CONFIRMED_CLINICAL_DIAGNOSIS(2),
    SELF_REPORT(3),
    /** A notified close contact (F1) declared a case of concern; their contacts are warned as F2. */
    RECURSIVE(4),
    REVOKED(5);

    private final int code;

    ReportType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ReportType ofCode(int code) {
        for (ReportType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown report type " + code);
    }
}
