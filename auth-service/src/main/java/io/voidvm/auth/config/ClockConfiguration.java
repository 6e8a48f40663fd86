package io.voidvm.auth.config;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's clock, injected everywhere time matters so tests can reason about it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Microseconds, like PostgreSQL's timestamptz: an instant read back equals the one written (cursor keys). */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
