package io.voidvm.vm.placement.app;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.vm.placement.domain.NodeInventory;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Takes node heartbeats into the inventory and announces the ones that are news. */
@Service
public class HeartbeatIntake {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatIntake.class);

    private final NodeInventory inventory;
    private final ApplicationEventPublisher events;

    public HeartbeatIntake(NodeInventory inventory, ApplicationEventPublisher events) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** @return whether the heartbeat was newer than the node's last one (an older replay is dropped) */
    public boolean accept(NodeHeartbeat heartbeat) {
        boolean newer = inventory.record(heartbeat);
        if (newer) {
            log.debug("node {} reported {} vCPUs / {} MB allocatable", heartbeat.nodeName(),
                    heartbeat.allocatable().vCpus(), heartbeat.allocatable().memoryMb());
            events.publishEvent(new NodeCapacityChanged(heartbeat.nodeName()));
        }
        return newer;
    }
}
