package io.voidvm.gateway.ratelimit;

import io.voidvm.gateway.problem.ProblemWriter;
import io.voidvm.gateway.ratelimit.domain.RateLimitBuckets;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Limiters and key resolvers that the {@code RequestRateLimiter} default filters in {@code application.yaml}
 * name by bean ({@code #{@userRateLimiter}}, ...). In memory: right for one gateway, see ADR 0004 for several.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ClientAddressResolver clientAddressResolver(RateLimitProperties properties) {
        return new ClientAddressResolver(properties.trustedProxies());
    }

    /** The token's subject; empty for anonymous requests, which the address limit still covers. */
    @Bean
    @Primary
    KeyResolver userKeyResolver() {
        return exchange -> exchange.getPrincipal().map(principal -> "user:" + principal.getName());
    }

    @Bean
    KeyResolver clientAddressKeyResolver(ClientAddressResolver addresses) {
        return exchange -> Mono.just("ip:" + addresses.addressOf(exchange));
    }

    @Bean
    @Primary
    InMemoryRateLimiter userRateLimiter(RateLimitProperties properties, Clock clock) {
        return new InMemoryRateLimiter(
                new RateLimitBuckets(properties.perUser().policy("user"), clock, properties.maxKeys()));
    }

    @Bean
    InMemoryRateLimiter clientAddressRateLimiter(RateLimitProperties properties, Clock clock) {
        return new InMemoryRateLimiter(
                new RateLimitBuckets(properties.perIp().policy("ip"), clock, properties.maxKeys()));
    }

    @Bean
    WebFilter loginRateLimitWebFilter(RateLimitProperties properties, Clock clock,
                                      ClientAddressResolver addresses, ProblemWriter problems) {
        RateLimitBuckets buckets = new RateLimitBuckets(properties.login().policy("login"), clock,
                properties.maxKeys());
        return new LoginRateLimitWebFilter(buckets, addresses, problems, properties.loginPaths());
    }

    @Bean
    GlobalFilter rateLimitProblemFilter(ProblemWriter problems) {
        return new RateLimitProblemFilter(problems);
    }
}
