package io.voidvm.nodeagent.host.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class AcceleratorTest {

    @Test
    void autoFollowsTheHost() {
        assertThat(Accelerator.AUTO.usesKvm(true)).isTrue();
        assertThat(Accelerator.AUTO.usesKvm(false)).isFalse();
    }

    @Test
    void tcgNeverUsesKvm() {
        assertThat(Accelerator.TCG.usesKvm(true)).isFalse();
    }

    @Test
    void kvmWithoutDevKvmIsRefused() {
        assertThat(Accelerator.KVM.usesKvm(true)).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> Accelerator.KVM.usesKvm(false))
                .withMessageContaining("/dev/kvm");
    }
}
