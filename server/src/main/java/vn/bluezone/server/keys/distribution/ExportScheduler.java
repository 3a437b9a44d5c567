package vn.bluezone.server.keys.distribution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import vn.bluezone.server.TimeZoneProperties;
import vn.bluezone.server.keys.KeysProperties;

/**
 * Runs the export and retention jobs on their cron schedules (each under its cluster-wide lease). The schedules are
 * read from {@link KeysProperties.Export} (defaults there only), in {@code bluezone.time-zone}.
 */
@Component
public class ExportScheduler implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(ExportScheduler.class);
    private final ExportService exports;
    private final RetentionService retention;
    private final KeysProperties.Export cfg;

    private final TimeZoneProperties time;

    public ExportScheduler(ExportService exports, RetentionService retention, KeysProperties props,
                           TimeZoneProperties time) {
        this.exports = exports;
        this.retention = retention;
        this.cfg = props.export();
        this.time = time;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(new CronTask(this::export, new CronTrigger(cfg.schedule(), time.timeZone())));
        registrar.addCronTask(new CronTask(this::retention,
                new CronTrigger(cfg.retentionSchedule(), time.timeZone())));
    }

    public void export() {
        if (cfg.enabled()) {
            try {
                exports.runOnce();
            } catch (RuntimeException e) {
                log.error("export job failed; it runs again at the next schedule", e);
            }
        }
    }

    public void retention() {
        if (cfg.enabled()) {
            try {
                retention.runOnce();
            } catch (RuntimeException e) {
                log.error("retention job failed; it runs again at the next schedule", e);
            }
        }
    }
}
