package io.voidvm.vm.node.app;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.node.db.NodeRepository;
import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.Node.Heard;
import io.voidvm.vm.node.domain.NodeCapacityChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes a node's heartbeat into the {@code nodes} table, in one transaction: a node heard of for the first time
 * is stored, a newer heartbeat replaces the facts, and a NOT_READY node that beats again is READY (its UNKNOWN
 * VMs now wait for its reports). Every newer heartbeat is announced, since the node may have room for VMs
 * waiting in PENDING.
 */
@Service
public class HeartbeatIntake {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatIntake.class);

    private final NodeRepository nodes;
    private final NodeVms nodeVms;
    private final TransactionalOperator transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration grace;

    HeartbeatIntake(NodeRepository nodes, NodeVms nodeVms, TransactionalOperator transactions,
                    ApplicationEventPublisher events, Clock clock, VmProperties properties) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.nodeVms = Objects.requireNonNull(nodeVms, "nodeVms");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = properties.nodeLostAfter();
    }

    /** @return what the heartbeat did; an older one (a replay) changes nothing */
    public Mono<Heard> accept(NodeHeartbeat heartbeat) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return transactions.transactional(nodes.insertIfAbsent(Node.firstHeard(heartbeat, now, grace))
                    .flatMap(inserted -> inserted ? Mono.just(Heard.NEWER) : take(heartbeat, now)));
        }).doOnNext(heard -> {
            if (heard != Heard.OLDER) {
                log.debug("node {} reported {} vCPUs / {} MB allocatable", heartbeat.nodeName(),
                        heartbeat.allocatable().vCpus(), heartbeat.allocatable().memoryMb());
                events.publishEvent(new NodeCapacityChanged(heartbeat.nodeName()));
            }
        });
    }

    private Mono<Heard> take(NodeHeartbeat heartbeat, Instant now) {
        return nodes.findForUpdate(heartbeat.nodeName()).flatMap(node -> {
            Node.Heartbeat taken = node.heard(heartbeat, now, grace);
            return switch (taken.heard()) {
                case OLDER -> Mono.just(Heard.OLDER);
                case NEWER -> nodes.update(taken.node()).thenReturn(Heard.NEWER);
                case BACK -> nodes.update(taken.node())
                        .flatMap(back -> nodeVms.back(back, now))
                        .doOnNext(waiting -> log.info("node {} is READY again after {} s without heartbeats; {} VM(s)"
                                + " wait for its report", node.name(),
                                Duration.between(node.lastHeartbeatAt(), heartbeat.sentAt()).toSeconds(), waiting))
                        .thenReturn(Heard.BACK);
            };
        });
    }
}
