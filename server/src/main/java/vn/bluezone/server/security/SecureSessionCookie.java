package vn.bluezone.server.security;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bluezone.server.BluezoneProperties;

/**
 * The console's session cookie is {@code Secure} whenever the public address is https (issue 15 §4): behind a TLS
 * proxy the server itself sees plain HTTP, so the request's scheme cannot tell. Without a public URL (a local
 * start) the cookie stays as it was, or it would never be sent back over http://localhost.
 */
@Configuration(proxyBeanMethods = false)
public class SecureSessionCookie {

    @Bean
    ServletContextInitializer secureSessionCookieWhenPublicUrlIsHttps(BluezoneProperties props) {
        return ctx -> {
            if (props.publicUrl() != null && "https".equalsIgnoreCase(props.publicUrl().getScheme())) {
                ctx.getSessionCookieConfig().setSecure(true);
            }
        };
    }
}
