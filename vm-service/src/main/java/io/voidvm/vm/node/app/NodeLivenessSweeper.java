package io.voidvm.vm.node.app;

import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.node.db.NodeRepository;
import io.voidvm.vm.node.domain.Hearing;
import io.voidvm.vm.node.domain.Node;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Finds (every {@code voidvm.vm.placement.node-check-interval}, as a service-kit {@code PeriodicSweep}) READY
 * nodes that stopped sending heartbeats for longer than the grace period and makes them NOT_READY, their VMs
 * UNKNOWN, in one transaction per node. Every replica sweeps; the node's row lock (skipped when busy) and the
 * re-check under it make the transition happen once.
 *
 * <p>Silence counts only while vm-service can hear ({@link HeartbeatFeed}): a replica judges only when every
 * heartbeat on the topic has been taken and the broker has answered it for a whole grace period. So neither a
 * restart of vm-service (heartbeats sent meanwhile still unread) nor a broker outage (no heartbeat can arrive)
 * makes every VM UNKNOWN; a node that really went silent is found a grace period after vm-service hears again.
 */
@Component
public class NodeLivenessSweeper {

    private static final Logger log = LoggerFactory.getLogger(NodeLivenessSweeper.class);

    private final NodeRepository nodes;
    private final NodeVms nodeVms;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Duration grace;
    private final HeartbeatFeed feed;
    private final AtomicReference<Hearing> hearing = new AtomicReference<>(Hearing.DEAF);

    NodeLivenessSweeper(NodeRepository nodes, NodeVms nodeVms, HeartbeatFeed feed, TransactionalOperator transactions,
                        Clock clock, VmProperties properties) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.nodeVms = Objects.requireNonNull(nodeVms, "nodeVms");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.grace = properties.nodeLostAfter();
    }

    /** One pass; emits how many nodes this replica made NOT_READY (none while it cannot judge). */
    public Mono<Long> sweep() {
        return feed.state().flatMap(state -> {
            Instant now = clock.instant();
            if (!canJudge(state, now)) {
                return Mono.just(0L);
            }
            return Sweeps.eachOnItsOwn(nodes.silentSince(now.minus(grace)), name -> markLost(name, now),
                            (name, error) -> log.warn("node {}: not marked NOT_READY yet: {}", name, error.toString()))
                    .count();
        });
    }

    private boolean canJudge(Hearing.Feed feed, Instant now) {
        Hearing before = hearing.get();
        Hearing after = before.next(feed, now);
        hearing.set(after);
        if (after == Hearing.DEAF && before != Hearing.DEAF) {
            log.warn("the broker does not answer: no node is judged silent until it has answered for {} s",
                    grace.toSeconds());
        }
        return after.mayJudge(feed, now, grace);
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
