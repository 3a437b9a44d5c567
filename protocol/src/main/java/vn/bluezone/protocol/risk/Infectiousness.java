package vn.bluezone.protocol.risk;

/**
 * How infectious the diagnosed person was on the day of a key, derived from the key's days since symptom onset
 * through {@link RiskConfiguration#infectiousnessFor(Integer)} (GAEN v2 {@code Infectiousness}: NONE 0,
 * STANDARD 1, HIGH 2).
 */
public enum Infectiousness {
    NONE(0, "none"),
    STANDARD(1, "standard"),
    HIGH(2, "high");

    private final int code;
    private final String jsonName;

    Infectiousness(int code, String jsonName) {
        this.code = code;
        this.jsonName = jsonName;
    }

    /** The GAEN v2 numeric value. */
    public int code() {
        return code;
    }

    /** The name used in configuration JSON. */
    public String jsonName() {
        return jsonName;
    }

    static Infectiousness ofJsonName(String name) {
        for (Infectiousness i : values()) {
            if (i.jsonName.equals(name)) {
                return i;
            }
        }
        return null;
    }
}
