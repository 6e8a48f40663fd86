package io.voidvm.nodeagent.volume.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolPathsTest {

    private final PoolPaths pools = new PoolPaths(Path.of("/var/lib/voidvm/pools"));
    private final UUID volume = UUID.fromString("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e");

    @Test
    void aVolumeLivesInItsPoolNamedByIdAndFormat() {
        assertThat(pools.volume("default", volume, "QCOW2"))
                .isEqualTo(Path.of("/var/lib/voidvm/pools/default/1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e.qcow2"));
        assertThat(pools.volume("fast/ssd", volume, "raw"))
                .isEqualTo(Path.of("/var/lib/voidvm/pools/fast/ssd/1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e.raw"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../etc", "a/../../b", "/etc", "", ".", "a/.."})
    void poolPathsThatLeaveTheRootAreRefused(String poolPath) {
        assertThatThrownBy(() -> pools.volume(poolPath, volume, "qcow2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRelativeRootIsRefused() {
        assertThatThrownBy(() -> new PoolPaths(Path.of("pools"))).isInstanceOf(IllegalArgumentException.class);
    }
}
