package io.voidvm.vm.node.app;

import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.vm.config.PlacementProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The liveness sweep, every {@code voidvm.vm.placement.node-check-interval} in every replica. */
@Configuration(proxyBeanMethods = false)
class NodeSweeps {

    @Bean
    PeriodicSweep nodeLivenessSweep(Sweeps sweeps, NodeLivenessSweeper sweeper, PlacementProperties placement) {
        return sweeps.every("node-liveness", placement.nodeCheckInterval(), sweeper::sweep);
    }
}
