package vn.bluezone.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.web.ApiPaths;
import vn.bluezone.server.web.JsonSecurityHandlers;

/**
 * Who may call what:
 * <ul>
 *   <li>{@code /api/v1/admin/**}: officials, with a console session (plus CSRF token for changes) or {@code X-Api-Key};</li>
 *   <li>{@code /console/**}: officials, form login at {@code /login}, CSRF on every form; {@code /console/accounts}
 *   only administrators (the controller checks again);</li>
 *   <li>every other {@code /api/**} path: phones, public (no cookies, no CSRF);</li>
 *   <li>{@code /api/docs}: the OpenAPI description, public.</li>
 * </ul>
 * Security failures on API paths are JSON errors; console pages redirect to the login page. A session whose
 * account was disabled meanwhile ends at its next request ({@link DisabledAccountFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    /**
     * New hashes: BCrypt over a SHA-256 pre-hash ({@code {bcrypt-sha256}}, any length of passphrase); the {id}
     * prefix keeps the older {@code {bcrypt}} hashes verifying without a migration.
     */
    @Bean
    public PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(PrehashedBCryptPasswordEncoder.ID, new PrehashedBCryptPasswordEncoder());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder(PrehashedBCryptPasswordEncoder.ID, encoders);
    }

    @Bean
    public SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeyService apiKeys, AccountService accounts,
                                                   SecurityContextRepository contexts,
                                                   vn.bluezone.server.accounts.SecondFactor secondFactor,
                                                   LoginThrottle throttle, AuditLog audit)
            throws Exception {
        RequestMatcher api = ApiPaths::isApi;
        RequestMatcher adminApi = req -> path(req).startsWith(ApiPaths.ADMIN_PREFIX);
        RequestMatcher deviceApi = req -> ApiPaths.isApi(req) && !adminApi.matches(req);
        RequestMatcher withApiKey = req -> req.getHeader(ApiKeyAuthenticationFilter.HEADER) != null;
        // Without a session cookie there is nothing to forge: such calls get the plain 401 instead of a CSRF error.
        RequestMatcher adminApiWithoutSession = req -> adminApi.matches(req) && req.getSession(false) == null;
        http
                .securityContext(sc -> sc.securityContextRepository(contexts))
                .csrf(csrf -> csrf.ignoringRequestMatchers(deviceApi, withApiKey, adminApiWithoutSession))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(adminApi).authenticated()
                        .requestMatchers("/console/accounts", "/console/accounts/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/console", "/console/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(JsonSecurityHandlers.unauthorized(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                req -> !api.matches(req))
                        .defaultAccessDeniedHandlerFor(JsonSecurityHandlers.forbidden(), api)
                        // Needed although it is Spring's default: with a single mapping, Spring applies it to every
                        // request, and console pages (403 role, CSRF) got JSON instead of the HTML error page.
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), req -> !api.matches(req)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new DisabledAccountFilter(accounts), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(), AuthorizationFilter.class)
                // The code first, then (for one-time passwords) the new password.
                .addFilterBefore(new SecondFactorFilter(secondFactor), PasswordChangeRequiredFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        // Issue 15 §4: no console address (ids, search terms) in other sites' Referer, no device
                        // features for the pages.
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")));
        return http.build();
    }

    private static String path(HttpServletRequest req) {
        return req.getRequestURI().substring(req.getContextPath().length());
    }
}
