package io.voidvm.nodeagent.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature of the agent shares. */
@Configuration(proxyBeanMethods = false)
class NodeAgentConfiguration {

    /** Injected rather than read statically so that time-dependent logic can be tested without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
