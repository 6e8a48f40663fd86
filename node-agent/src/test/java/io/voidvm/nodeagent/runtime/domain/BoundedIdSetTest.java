package io.voidvm.nodeagent.runtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class BoundedIdSetTest {

    @Test
    void keepsTheNewestIdsAndRejectsRepeats() {
        BoundedIdSet ids = new BoundedIdSet(2);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();

        assertThat(ids.add(a)).isTrue();
        assertThat(ids.add(a)).isFalse();
        ids.add(b);
        ids.add(c);

        assertThat(ids.contains(a)).isFalse();
        assertThat(ids.toList()).containsExactly(b, c);
    }
}
