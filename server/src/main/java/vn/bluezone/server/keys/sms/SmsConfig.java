package vn.bluezone.server.keys.sms;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * SMS for the long verification code ({@code bluezone.keys.sms.*}, e.g. {@code BLUEZONE_KEYS_SMS_GATEWAY_URL}).
 * Without a gateway URL messages are only logged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsConfig.SmsProperties.class)
public class SmsConfig {

    /**
     * @param gatewayUrl   the HTTP SMS gateway (http or https); empty = log only
     * @param gatewayToken bearer token for the gateway, if it wants one
     * @param timeout      how long to wait for the gateway
     */
    @Validated
    @ConfigurationProperties("bluezone.keys.sms")
    public record SmsProperties(URI gatewayUrl, String gatewayToken, @NotNull @DefaultValue("10s") Duration timeout) {
        public SmsProperties {
            if (gatewayUrl != null && gatewayUrl.toString().isBlank()) {
                gatewayUrl = null;
            }
            if (gatewayUrl != null && (gatewayUrl.getScheme() == null || !gatewayUrl.getScheme().matches("https?")
                    || gatewayUrl.getHost() == null)) {
                throw new IllegalArgumentException("bluezone.keys.sms.gateway-url must be an http(s) address, not '"
                        + gatewayUrl + "'");
            }
        }
    }

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender smsSender(SmsProperties properties) {
        return properties.gatewayUrl() == null ? new LoggingSmsSender()
                : new HttpSmsSender(properties.gatewayUrl(), properties.gatewayToken(), properties.timeout());
    }
}
