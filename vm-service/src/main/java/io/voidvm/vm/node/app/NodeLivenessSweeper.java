package io.voidvm.vm.node.app;

import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.node.db.NodeRepository;
import io.voidvm.vm.node.domain.Node;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Finds (every {@code voidvm.vm.placement.node-check-interval}, as a service-kit {@code PeriodicSweep}) READY
 * nodes that stopped sending heartbeats for longer than the grace period and makes them NOT_READY,
 * their VMs UNKNOWN, in one transaction per node. Every replica sweeps; the node's row lock (skipped when
 * busy) and the re-check under it make the transition happen once. A replica starts sweeping only once its
 * heartbeat consumer has read what the topic held, or after a grace period of its own if it cannot tell (it got
 * no partition): heartbeats sent while vm-service was down must be read before anyone is judged silent, or a
 * restart would make every VM UNKNOWN.
 */
@Component
public class NodeLivenessSweeper {

    private static final Logger log = LoggerFactory.getLogger(NodeLivenessSweeper.class);

    private final NodeRepository nodes;
    private final NodeVms nodeVms;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Duration grace;
    private final Instant watchingSince;
    private volatile boolean caughtUp;

    NodeLivenessSweeper(NodeRepository nodes, NodeVms nodeVms, TransactionalOperator transactions, Clock clock,
                        VmProperties properties) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.nodeVms = Objects.requireNonNull(nodeVms, "nodeVms");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = properties.nodeLostAfter();
        this.watchingSince = clock.instant();
    }

    /** This replica's heartbeat consumer has read everything the topic held: nodes may be judged silent now. */
    public void heartbeatsCaughtUp() {
        if (!caughtUp) {
            caughtUp = true;
            log.info("heartbeats read up to the end of the topic; nodes silent for {} s become NOT_READY",
                    grace.toSeconds());
        }
    }

    /** One pass; emits how many nodes this replica made NOT_READY. */
    public Mono<Long> sweep() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            if (!caughtUp && now.isBefore(watchingSince.plus(grace))) {
                return Mono.just(0L);
            }
            return Sweeps.eachOnItsOwn(nodes.silentSince(now.minus(grace)), name -> markLost(name, now),
                            (name, error) -> log.warn("node {}: not marked NOT_READY yet: {}", name, error.toString()))
                    .count();
        });
    }

    private Mono<Node> markLost(String name, Instant now) {
        return transactions.transactional(nodes.lockUnlessBusy(name)
                .filter(node -> node.isLost(now, grace))
                .flatMap(node -> nodes.update(node.lost(now))
                        .then(nodeVms.lost(node, now))
                        .doOnNext(unknown -> log.warn("{}: node is NOT_READY, {} VM(s) now UNKNOWN",
                                node.lostReason(now), unknown))
                        .thenReturn(node)));
    }
}
