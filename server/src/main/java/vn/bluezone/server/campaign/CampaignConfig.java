package vn.bluezone.server.campaign;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on scheduled jobs (the nightly deletion of cohort records). */
@Configuration
@EnableScheduling
public class CampaignConfig {
}
