package io.voidvm.vm.node.app;

import io.voidvm.vm.node.domain.Hearing;
import reactor.core.publisher.Mono;

/**
 * Whether vm-service hears the nodes' heartbeats right now ({@link Hearing.Feed}). One real adapter over Kafka,
 * fakes in tests.
 */
public interface HeartbeatFeed {

    /** Never fails: a broker that cannot be asked is {@link Hearing.Feed#UNREACHABLE}. */
    Mono<Hearing.Feed> state();
}
