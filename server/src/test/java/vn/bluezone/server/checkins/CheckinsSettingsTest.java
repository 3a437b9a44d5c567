package vn.bluezone.server.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.StartupFailures;

/** A bad {@code bluezone.checkins.*} value stops start-up with one line naming it. */
class CheckinsSettingsTest {

    @Test
    void outOfBoundsCheckinSettingNamesTheProperty() {
        for (String[] c : new String[][] {
                {"--bluezone.checkins.max-per-upload=101", "invalid configuration: bluezone.checkins.max-per-upload"},
                {"--bluezone.checkins.minimum-overlap-minutes=0", "invalid configuration: bluezone.checkins.minimum-overlap-minutes"},
                {"--bluezone.checkins.schedule=hourly", "bluezone.checkins.schedule is not a cron expression"},
                {"--bluezone.checkins.place-secret=c2hvcnQ=", "bluezone.checkins.place-secret must hold at least 32 bytes"}}) {
            SpringApplication app = new SpringApplication(BluezoneServer.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            Throwable failure = null;
            try {
                app.run(c[0], "--bluezone.db.url=jdbc:h2:mem:ci" + System.nanoTime(), "--logging.level.root=off");
            } catch (Throwable t) {
                failure = t;
            }
            assertThat(failure).as(c[0]).isNotNull();
            assertThat(StartupFailures.describe(failure)).as(c[0]).contains(c[1]).doesNotContain("\n");
        }
    }
}
