package vn.bluezone.server;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Shared infrastructure beans: the clock (tests replace it to travel in time) and the random source. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ServerConfig {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public SecureRandom secureRandom() {
        return new SecureRandom();
    }
}
