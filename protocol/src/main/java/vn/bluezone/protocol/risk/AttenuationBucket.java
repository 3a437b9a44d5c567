package vn.bluezone.protocol.risk;

/**
 * The four attenuation buckets of GAEN v2 daily summaries. A scan's typical attenuation A falls in
 * IMMEDIATE when A ≤ immediate threshold, NEAR when ≤ near threshold, MEDIUM when ≤ medium threshold, else
 * OTHER (thresholds are inclusive upper bounds, as in the Exposure Notification API).
 */
public enum AttenuationBucket {
    IMMEDIATE,
    NEAR,
    MEDIUM,
    OTHER
}
