package io.voidvm.vm.observedstate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NodeStraysTest {

    private final NodeStrays strays = new NodeStrays();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void aStrayIsNewsWhenItAppearsAndWhenItIsGoneNotWhileItStays() {
        NodeStrays.Change appeared = strays.report("node-a", Set.of(first));
        NodeStrays.Change again = strays.report("node-a", Set.of(first, second));
        NodeStrays.Change gone = strays.report("node-a", Set.of(second));

        assertThat(appeared.appeared()).containsExactly(first);
        assertThat(appeared.count()).isEqualTo(1);
        assertThat(again.appeared()).containsExactly(second);
        assertThat(again.gone()).isEmpty();
        assertThat(gone.appeared()).isEmpty();
        assertThat(gone.gone()).containsExactly(first);
        assertThat(strays.report("node-a", Set.of(second)).isEmpty()).isTrue();
        assertThat(strays.count("node-a")).isEqualTo(1);
    }

    @Test
    void nodesAreKeptApart() {
        strays.report("node-a", Set.of(first));

        NodeStrays.Change other = strays.report("node-b", Set.of());

        assertThat(other.isEmpty()).isTrue();
        assertThat(strays.count("node-a")).isEqualTo(1);
        assertThat(strays.count("node-b")).isZero();
        assertThat(strays.count("never-heard-of")).isZero();
    }
}
