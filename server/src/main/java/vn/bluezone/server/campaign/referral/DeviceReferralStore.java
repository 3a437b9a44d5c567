package vn.bluezone.server.campaign.referral;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the registry's device table for a phone's own referral figures (the table is written by the registry). */
@Repository
public class DeviceReferralStore {
    /** A registered device as its referral figures need it. */
    public record DeviceCredentials(String secretHash, String referralCode) {
    }

    private final JdbcClient jdbc;

    public DeviceReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DeviceCredentials> find(String deviceId) {
        return jdbc.sql("SELECT secret_hash, referral_code FROM device WHERE id = ?").param(deviceId)
                .query((rs, n) -> new DeviceCredentials(rs.getString(1), rs.getString(2))).optional();
    }

    /** Installs registered with this referral code (a device never counts for its own code). */
    public long installsReferredBy(String referralCode) {
        return jdbc.sql("SELECT COUNT(*) FROM device WHERE referred_by = ? AND referral_code <> ?")
                .params(referralCode, referralCode).query(Long.class).single();
    }
}
