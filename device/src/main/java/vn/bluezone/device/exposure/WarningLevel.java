package vn.bluezone.device.exposure;

/**
 * Vietnam's contact levels as the phone can tell them: F1 is a close contact of a confirmed case (F0); F2 is a
 * close contact of an F1 whom the health station declared a case of concern (a recursive report).
 */
public enum WarningLevel {
    F1, F2
}
