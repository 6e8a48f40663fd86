package io.voidvm.servicekit.security;

import io.voidvm.servicekit.problem.ProblemAutoConfiguration;
import io.voidvm.servicekit.problem.ProblemWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * A stateless OAuth2 resource server for every service. Runs before Boot's own resource-server and
 * management security so theirs back off; a service that needs more rules declares its own
 * {@link SecurityWebFilterChain} and may reuse the beans here.
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class, before = {
        ReactiveOAuth2ResourceServerAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
        ReactiveManagementWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties({VoidvmSecurityProperties.class, OAuth2ResourceServerProperties.class})
public class ResourceServerSecurityAutoConfiguration {

    /** Open without a token: probes, metrics scraping, build info and the OpenAPI documents. */
    public static final List<String> PUBLIC_PATHS = List.of(
            "/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/v3/api-docs/**");

    /** Picked up by Spring Security's WebFilterChainProxy: firewall rejections become 400 problems. */
    @Bean
    @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemWriter writer) {
        return new ProblemExchangeRejectedHandler(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, VoidvmSecurityProperties security) {
        var jwt = resourceServer.getJwt();
        return JwtDecoders.create(jwt.getIssuerUri(), jwt.getJwkSetUri(), security.audience());
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtAuthenticationConverterAdapter voidvmJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RealmRoleAuthorities());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain voidvmSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                        ReactiveJwtAuthenticationConverterAdapter converter,
                                                        VoidvmSecurityProperties security, ProblemWriter writer) {
        var entryPoint = new ProblemAuthenticationEntryPoint(writer);
        var deniedHandler = new ProblemAccessDeniedHandler(writer);
        List<String> publicPaths = new ArrayList<>(PUBLIC_PATHS);
        publicPaths.addAll(security.publicPaths());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)   // bearer tokens only: no ambient credentials to forge
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(publicPaths.toArray(String[]::new)).permitAll()
                        .anyExchange().access(new TenantRequired()))
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .build();
    }
}
