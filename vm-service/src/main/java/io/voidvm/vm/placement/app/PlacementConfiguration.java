package io.voidvm.vm.placement.app;

import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.placement.domain.NodeInventory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One inventory per process: every replica reads all heartbeats, so each can place on its own. */
@Configuration(proxyBeanMethods = false)
class PlacementConfiguration {

    @Bean
    NodeInventory nodeInventory(Clock clock, VmProperties properties) {
        return new NodeInventory(clock, properties.nodeLostAfter());
    }
}
