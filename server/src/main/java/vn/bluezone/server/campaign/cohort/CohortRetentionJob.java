package vn.bluezone.server.campaign.cohort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProperties;

/**
 * Deletes cohort records {@code bluezone.campaign.cohort-retention-days} after their end date, every night. Running
 * it twice, or on two servers at once, deletes nothing twice: a deleted record is gone. Its schedule is
 * {@code bluezone.campaign.retention-cron} read from {@link CampaignProperties} (the default lives there only), in
 * the campaign clock's zone ({@code bluezone.time-zone}).
 */
@Component
public class CohortRetentionJob implements SchedulingConfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(CohortRetentionJob.class);

    private final CohortService cohorts;
    private final CampaignClock clock;

    private final String cron;

    public CohortRetentionJob(CohortService cohorts, CampaignClock clock, CampaignProperties props) {
        this.cohorts = cohorts;
        this.clock = clock;
        this.cron = props.retentionCron();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(new CronTask(this::run, new CronTrigger(cron, clock.zone())));
    }

    public int run() {
        int deleted = cohorts.deleteExpired(clock.today());
        if (deleted > 0) {
            LOG.info("cohort retention: deleted {} personal record(s) past their retention period", deleted);
        }
        return deleted;
    }
}
