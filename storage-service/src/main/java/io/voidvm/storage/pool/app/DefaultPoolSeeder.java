package io.voidvm.storage.pool.app;

import io.voidvm.contracts.envelope.MessageIds;
import io.voidvm.storage.config.StorageProperties;
import io.voidvm.storage.pool.db.PoolRepository;
import io.voidvm.storage.pool.domain.NewPool;
import io.voidvm.storage.pool.domain.Pool;
import io.voidvm.storage.pool.domain.PoolBackend;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the configured default pool ({@code voidvm.storage.default-pool}) unless a pool of that name exists,
 * so local mode has somewhere to put volumes without an admin step. An existing pool is never changed.
 */
@Component
class DefaultPoolSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultPoolSeeder.class);

    private final StorageProperties properties;
    private final PoolRepository pools;
    private final MessageIds ids;
    private final Clock clock;

    DefaultPoolSeeder(StorageProperties properties, PoolRepository pools, MessageIds ids, Clock clock) {
        this.properties = properties;
        this.pools = pools;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        StorageProperties.DefaultPool seed = properties.defaultPool();
        if (seed == null) {
            return;
        }
        NewPool spec = new NewPool(seed.name(), "default pool (voidvm.storage.default-pool)",
                new PoolBackend.Dir(seed.path(), seed.nodeName()), seed.capacityGb(), seed.overcommitRatio());
        Pool pool = pools.insertIfAbsent(Pool.create(ids.next(), spec, clock.instant())).block(Duration.ofSeconds(30));
        log.info("default pool {} ({}) on node {} at {}", pool.name(), pool.id(), pool.nodeName(), pool.agentPath());
    }
}
