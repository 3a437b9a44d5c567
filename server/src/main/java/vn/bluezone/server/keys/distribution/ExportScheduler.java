package vn.bluezone.server.keys.distribution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.bluezone.server.keys.KeysProperties;

/** Runs the export and retention jobs on their cron schedules (each under its cluster-wide lease). */
@Component
public class ExportScheduler {
    private static final Logger log = LoggerFactory.getLogger(ExportScheduler.class);
    private final ExportService exports;
    private final RetentionService retention;
    private final KeysProperties.Export cfg;

    public ExportScheduler(ExportService exports, RetentionService retention, KeysProperties props) {
        this.exports = exports;
        this.retention = retention;
        this.cfg = props.export();
    }

    @Scheduled(cron = "${bluezone.keys.export.schedule:0 5 * * * *}")
    public void export() {
        if (cfg.enabled()) {
            try {
                exports.runOnce();
            } catch (RuntimeException e) {
                log.error("export job failed; it runs again at the next schedule", e);
            }
        }
    }

    @Scheduled(cron = "${bluezone.keys.export.retention-schedule:0 35 3 * * *}")
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
