package vn.bluezone.server.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and description of the OpenAPI document served at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    @Bean
    public OpenAPI bluezoneOpenApi() {
        return new OpenAPI().info(new Info().title("Bluezone API").version("v1").description(
                "Device endpoints under /api/v1 are public. Officials' endpoints under /api/v1/admin need a console "
                        + "session (with the CSRF token for changes) or an X-Api-Key header. Errors are "
                        + "{\"error\":\"STABLE_CODE\",\"message\":\"...\"}."));
    }
}
