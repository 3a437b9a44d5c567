package vn.bluezone.server.checkins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the package and retention jobs on their cron schedules (each under its cluster-wide lease). */
@Component
public class CheckinScheduler {
    private static final Logger log = LoggerFactory.getLogger(CheckinScheduler.class);
    private final CheckinPackageService packages;
    private final CheckinRetentionService retention;
    private final CheckinsProperties props;

    public CheckinScheduler(CheckinPackageService packages, CheckinRetentionService retention, CheckinsProperties props) {
        this.packages = packages;
        this.retention = retention;
        this.props = props;
    }

    @Scheduled(cron = "${bluezone.checkins.schedule:0 7 * * * *}")
    public void packages() {
        if (props.enabled()) {
            try {
                packages.runOnce();
            } catch (RuntimeException e) {
                log.error("check-in package job failed; it runs again at the next schedule", e);
            }
        }
    }

    @Scheduled(cron = "${bluezone.checkins.retention-schedule:0 40 3 * * *}")
    public void retention() {
        if (props.enabled()) {
            try {
                retention.runOnce();
            } catch (RuntimeException e) {
                log.error("check-in retention job failed; it runs again at the next schedule", e);
            }
        }
    }
}
