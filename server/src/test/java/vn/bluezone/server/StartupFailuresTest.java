package vn.bluezone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** Invalid configuration stops start-up with one clear line. */
class StartupFailuresTest {

    @Test
    void invalidConfigurationIsOneClearLine() {
        SpringApplication app = new SpringApplication(BluezoneServer.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        Throwable failure = null;
        try {
            app.run("--bluezone.data-dir=", "--bluezone.db.url=jdbc:h2:mem:startupfail", "--logging.level.root=off");
        } catch (Throwable t) {
            failure = t;
        }
        assertThat(failure).isNotNull();
        String line = StartupFailures.describe(failure);
        assertThat(line).startsWith("invalid configuration: bluezone.data-dir").doesNotContain("\n");
    }

    @Test
    void unreachableDatabaseIsOneClearLine() {
        SpringApplication app = new SpringApplication(BluezoneServer.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--bluezone.db.url=jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                "--spring.datasource.hikari.initialization-fail-timeout=1", "--logging.level.root=off"))
                .satisfies(t -> assertThat(StartupFailures.describe(t))
                        .startsWith("cannot use the database").doesNotContain("\n"));
    }

    @Test
    void outOfBoundsKeyServerSettingNamesTheProperty() {
        for (String[] c : new String[][] {
                {"--bluezone.keys.submission.max-keys=31", "invalid configuration: bluezone.keys.submission.max-keys"},
                {"--bluezone.keys.verification.short-code-validity=2h", "short-code-validity must be between"},
                {"--bluezone.keys.export.schedule=every hour", "bluezone.keys.export.schedule is not a cron expression"},
                {"--bluezone.keys.rate-limit.client-burst=many", "invalid configuration: bluezone.keys.rate-limit.client-burst"},
                {"--bluezone.keys.rate-limit.shared=sometimes", "invalid configuration: bluezone.keys.rate-limit.shared"},
                {"--bluezone.keys.export.store=s3", "bluezone.keys.export.s3.bucket is required when the store is s3"},
                {"--bluezone.keys.export.s3.request-checksums=always",
                        "invalid configuration: bluezone.keys.export.s3.request-checksums"},
                {"--bluezone.time-zone=Asia/Hanoi_City", "invalid configuration: bluezone.time-zone"},
                {"--bluezone.campaign.retention-cron=nightly",
                        "bluezone.campaign.retention-cron is not a cron expression"},
                {"--bluezone.statistics.floor=1.5", "invalid configuration: bluezone.statistics.floor"},
                {"--bluezone.statistics.trend-days=1", "invalid configuration: bluezone.statistics.trend-days"},
                {"--bluezone.demo.days=0", "invalid configuration: bluezone.demo.days"},
                {"--bluezone.demo.province=Hue", "invalid configuration: bluezone.demo.province"},
                {"--bluezone.keys.device-config.risk-preset=vietnam-f1",
                        "invalid configuration: bluezone.keys.device-config.risk-preset"}}) {
            SpringApplication app = new SpringApplication(BluezoneServer.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            Throwable failure = null;
            try {
                app.run(c[0], "--bluezone.db.url=jdbc:h2:mem:cfg" + System.nanoTime(), "--logging.level.root=off");
            } catch (Throwable t) {
                failure = t;
            }
            assertThat(failure).as(c[0]).isNotNull();
            assertThat(StartupFailures.describe(failure)).as(c[0]).contains(c[1]).doesNotContain("\n");
        }
    }
}
