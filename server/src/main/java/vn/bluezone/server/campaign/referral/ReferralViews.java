package vn.bluezone.server.campaign.referral;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.db.Savepoints;
import vn.bluezone.server.registry.DeviceRegistry;
import vn.bluezone.server.registry.ShortCodes;

/**
 * The referral page's side of the database: whether a referral code was given to an install, and a count of page
 * views per code and day (nothing about the visitor), as the install page counts views per place.
 */
@Component
public class ReferralViews {
    private final JdbcClient jdbc;
    private final CampaignClock clock;
    private final Savepoints savepoints;

    public ReferralViews(JdbcClient jdbc, CampaignClock clock, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoints = savepoints;
    }

    /** The code as the registry keeps it, if an install was given it. */
    public Optional<String> known(String code) {
        String c = ShortCodes.normalise(code);
        if (c == null || !ShortCodes.isCode(c, DeviceRegistry.REFERRAL_CODE_LENGTH)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT COUNT(*) FROM device WHERE referral_code = ?").param(c).query(Long.class).single() > 0
                ? Optional.of(c) : Optional.empty();
    }

    @Transactional
    public void recordView(String referralCode) {
        LocalDate today = clock.today();
        String update = "UPDATE campaign_referral_view SET views = views + 1 WHERE referral_code = ? AND view_day = ?";
        if (jdbc.sql(update).params(referralCode, today).update() == 0) {
            try {
                savepoints.attempt(() -> jdbc.sql("INSERT INTO campaign_referral_view (referral_code, view_day, views) "
                        + "VALUES (?, ?, 1)").params(referralCode, today).update());
            } catch (DuplicateKeyException e) {
                jdbc.sql(update).params(referralCode, today).update();
            }
        }
    }

    /** Views of the code's page on one day. */
    public long views(String referralCode, LocalDate day) {
        return jdbc.sql("SELECT COALESCE(SUM(views), 0) FROM campaign_referral_view WHERE referral_code = ? AND view_day = ?")
                .params(referralCode, day).query(Long.class).single();
    }
}
