package io.voidvm.storage.config;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageIds;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the message-id source every feature shares (one UUIDv7 generator keeps ids ordered). */
@Configuration(proxyBeanMethods = false)
class StorageBeans {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    MessageIds messageIds(Clock clock) {
        return new MessageIds(clock);
    }

    @Bean
    Envelopes envelopes(Clock clock, MessageIds ids) {
        return new Envelopes(clock, ids);
    }
}
