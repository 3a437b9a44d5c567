package vn.bluezone.server.campaign.household;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProperties;

/**
 * Blanks household heads' names and addresses once a commune's door-to-door campaign has ended (issue 15 §4): when
 * no household was added and no visit recorded in the commune for {@code bluezone.campaign.household.retention-days}
 * days. The numbers (members, smartphones, visits) stay, so the progress figures do not change. Runs nightly at
 * {@code bluezone.campaign.retention-cron} with the cohort job; twice or on two servers at once it blanks nothing
 * twice. Each commune done is audited ({@code household.anonymise}, the number of households, no name).
 */
@Component
public class HouseholdRetentionJob implements SchedulingConfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdRetentionJob.class);

    private final HouseholdStore store;
    private final CampaignClock clock;
    private final AuditLog audit;
    private final int days;
    private final String cron;

    public HouseholdRetentionJob(HouseholdStore store, CampaignClock clock, AuditLog audit, HouseholdProperties props,
                                 CampaignProperties campaign) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.days = props.retentionDays();
        this.cron = campaign.retentionCron();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(new CronTask(this::run, new CronTrigger(cron, clock.zone())));
    }

    /** Returns the number of households whose names and addresses were blanked. */
    public int run() {
        LocalDate today = clock.today();
        int total = 0;
        for (var e : store.lastActivityOfCommunesWithNames().entrySet()) {
            LocalDate last = LocalDate.ofInstant(e.getValue(), clock.zone());
            if (today.isAfter(last.plusDays(days))) {
                int n = store.anonymise(e.getKey(), clock.now());
                audit.record("system", "household.anonymise", e.getKey(), n + " households, campaign ended " + last);
                total += n;
            }
        }
        if (total > 0) {
            LOG.info("household retention: blanked the names and addresses of {} household(s)", total);
        }
        return total;
    }
}
