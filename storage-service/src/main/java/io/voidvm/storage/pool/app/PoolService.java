package io.voidvm.storage.pool.app;

import io.voidvm.contracts.envelope.MessageIds;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.storage.pool.db.PoolRepository;
import io.voidvm.storage.pool.domain.NewPool;
import io.voidvm.storage.pool.domain.Pool;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Pools are platform-wide: every authenticated caller may read them, only admins create them. */
@Service
public class PoolService {

    private static final Logger log = LoggerFactory.getLogger(PoolService.class);

    private final PoolRepository pools;
    private final MessageIds ids;
    private final Clock clock;

    PoolService(PoolRepository pools, MessageIds ids, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "pools");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Mono<CursorPage<Pool>> list(PageRequest page) {
        return pools.list(page);
    }

    public Mono<Pool> get(UUID id) {
        return pools.find(id).switchIfEmpty(Mono.error(() -> new NotFoundException("pool", id)));
    }

    public Mono<Pool> create(Caller caller, NewPool spec) {
        return Mono.fromCallable(() -> caller.requireAdmin("creating a pool"))
                .then(Mono.defer(() -> pools.insert(Pool.create(ids.next(), spec, clock.instant()))))
                .doOnNext(created -> log.info("pool {} ({}): created by {} on node {} at {}", created.id(),
                        created.name(), caller.subject(), created.nodeName(), created.agentPath()));
    }
}
