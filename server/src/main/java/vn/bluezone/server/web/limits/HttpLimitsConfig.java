package vn.bluezone.server.web.limits;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link RequestGuardFilter} first of all filters, for requests and for its own async dispatches. */
@Configuration(proxyBeanMethods = false)
public class HttpLimitsConfig {

    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(HttpLimitsProperties limits) {
        FilterRegistrationBean<RequestGuardFilter> reg = new FilterRegistrationBean<>(new RequestGuardFilter(limits));
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
        reg.setAsyncSupported(true);
        reg.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        reg.addUrlPatterns("/*");
        return reg;
    }

    /**
     * Tomcat's body read timeout: a blocking read of a console or officials' body waits at most this long for the
     * next bytes (Spring Boot has no property for it; by default Tomcat uses the connection timeout). And the valve
     * that lets refused requests close without draining their body.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> bodyReadTimeout(HttpLimitsProperties limits) {
        return factory -> {
            factory.addContextValves(new NoSwallowValve());
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("disableUploadTimeout", "false");
                connector.setProperty("connectionUploadTimeout", String.valueOf(limits.bodyReadTimeout().toMillis()));
            });
        };
    }
}
