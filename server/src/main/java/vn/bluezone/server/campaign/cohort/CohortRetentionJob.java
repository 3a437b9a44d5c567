package vn.bluezone.server.campaign.cohort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.bluezone.server.campaign.CampaignClock;

/**
 * Deletes cohort records {@code bluezone.campaign.cohort-retention-days} after their end date, every night. Running
 * it twice, or on two servers at once, deletes nothing twice: a deleted record is gone.
 */
@Component
public class CohortRetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(CohortRetentionJob.class);

    private final CohortService cohorts;
    private final CampaignClock clock;

    public CohortRetentionJob(CohortService cohorts, CampaignClock clock) {
        this.cohorts = cohorts;
        this.clock = clock;
    }

    @Scheduled(cron = "${bluezone.campaign.retention-cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    public int run() {
        int deleted = cohorts.deleteExpired(clock.today());
        if (deleted > 0) {
            LOG.info("cohort retention: deleted {} personal record(s) past their retention period", deleted);
        }
        return deleted;
    }
}
