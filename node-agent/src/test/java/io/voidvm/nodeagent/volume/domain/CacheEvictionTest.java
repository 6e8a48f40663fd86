package io.voidvm.nodeagent.volume.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheEvictionTest {

    private final CachedImage old = new CachedImage("a".repeat(64), 40, Instant.ofEpochSecond(1));
    private final CachedImage middle = new CachedImage("b".repeat(64), 40, Instant.ofEpochSecond(2));
    private final CachedImage recent = new CachedImage("c".repeat(64), 40, Instant.ofEpochSecond(3));
    private final List<CachedImage> cached = List.of(recent, old, middle);

    @Test
    void nothingIsEvictedBelowTheLimit() {
        assertThat(CacheEviction.choose(cached, Set.of(), 120, 0)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedGoFirstUntilTheRestFits() {
        assertThat(CacheEviction.choose(cached, Set.of(), 100, 0)).containsExactly(old);
        assertThat(CacheEviction.choose(cached, Set.of(), 100, 40)).containsExactly(old, middle);
    }

    @Test
    void basesInUseAreNeverEvictedEvenIfTheCacheStaysTooFull() {
        List<CachedImage> evicted = CacheEviction.choose(cached, Set.of(old.sha256(), middle.sha256()), 40, 0);

        assertThat(evicted).containsExactly(recent);
        assertThat(CacheEviction.fits(cached, evicted, 40, 0)).isFalse();
    }
}
