package io.voidvm.gateway.security;

import io.voidvm.gateway.problem.ProblemWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains. Requests with a bearer token are API clients: validated as a stateless resource server
 * (issuer, signature, audience {@code voidvm-api}), no session, no CSRF. Everything else is a browser: OAuth2
 * login with PKCE, an HttpOnly SameSite session cookie, CSRF by cookie-to-header. Only a page navigation is
 * redirected to the login; API calls get a 401 problem and the SPA decides when to navigate to the login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    private static final String[] OPEN_ACTUATOR = {
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info"};
    private static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    @Bean
    @Order(1)
    SecurityWebFilterChain bearerTokenSecurity(ServerHttpSecurity http, ProblemWriter problems,
                                               BrowserProperties browser) {
        return common(http.securityMatcher(BearerRequests.MATCHER), browser)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(SecurityProblems.unauthorized(problems))
                        .accessDeniedHandler(SecurityProblems.forbidden(problems)))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(SecurityProblems.unauthorized(problems))
                        .accessDeniedHandler(SecurityProblems.forbidden(problems)))
                // a bearer token is not sent by the browser on its own, so it cannot be forged cross-site
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browserSessionSecurity(ServerHttpSecurity http, ProblemWriter problems,
                                                  BrowserProperties browser, LoginProperties login,
                                                  ReactiveClientRegistrationRepository registrations,
                                                  ServerOAuth2AuthorizedClientRepository authorizedClients,
                                                  ServerOAuth2AuthorizationRequestResolver pkceRequests,
                                                  ServerLogoutSuccessHandler keycloakLogout,
                                                  @Value("${server.reactive.session.cookie.name:SESSION}")
                                                  String sessionCookie) {
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(browser.behindTls()));
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(PageNavigation.MATCHER,
                        new RedirectServerAuthenticationEntryPoint(login.loginPath())));
        entryPoint.setDefaultEntryPoint(SecurityProblems.unauthorized(problems));
        return common(http, browser)
                .oauth2Login(oauth2 -> oauth2
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(pkceRequests))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
                .csrf(csrf -> csrf
                        .requireCsrfProtectionMatcher(new SessionCsrfMatcher(sessionCookie))
                        .csrfTokenRepository(csrfTokens)
                        // the SPA echoes the raw cookie value; the masking handler would expect a masked one
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler(SecurityProblems.forbidden(problems)))
                .addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(SecurityProblems.forbidden(problems)))
                .build();
    }

    private static ServerHttpSecurity common(ServerHttpSecurity http, BrowserProperties browser) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN_ACTUATOR).permitAll()
                        .pathMatchers("/actuator/**").denyAll()
                        // only the circuit breaker's internal forward may reach the fallback
                        .pathMatchers("/gateway/**").denyAll()
                        // API documents and their Swagger UI are public: they describe routes, never data
                        .pathMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .cors(cors -> cors.configurationSource(corsSource(browser.corsAllowedOrigins())))
                .headers(headers -> {
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(browser.contentSecurityPolicy()))
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                            .hsts(hsts -> hsts.maxAge(HSTS_MAX_AGE).includeSubdomains(true));
                    if (browser.behindTls()) {
                        // Spring writes HSTS only when it sees https itself; behind a TLS proxy it sees http
                        headers.writer(StaticServerHttpHeadersWriter.builder()
                                .header("Strict-Transport-Security",
                                        "max-age=" + HSTS_MAX_AGE.toSeconds() + " ; includeSubDomains")
                                .build());
                    }
                })
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable);
    }

    /** Cross-origin calls only from configured origins, and only with bearer tokens (no credentials). */
    private static CorsConfigurationSource corsSource(List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (allowedOrigins.isEmpty()) {
            return source;
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins);
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                "Idempotency-Key"));
        api.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER,
                "RateLimit", "RateLimit-Policy"));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        LinkedHashMap<String, CorsConfiguration> byPath = new LinkedHashMap<>();
        byPath.put("/api/**", api);
        source.setCorsConfigurations(byPath);
        return source;
    }
}
