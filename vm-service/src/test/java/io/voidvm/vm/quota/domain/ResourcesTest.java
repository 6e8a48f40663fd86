package io.voidvm.vm.quota.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void aNewVmCountsOnceWithItsSize() {
        assertThat(Resources.oneVm(2, 512)).isEqualTo(new Resources(1, 2, 512));
    }

    @Test
    void growthCountsOnlyWhatIncreases() {
        assertThat(Resources.growth(2, 512, 4, 256)).isEqualTo(new Resources(0, 2, 0));
        assertThat(Resources.growth(2, 512, 1, 1024)).isEqualTo(new Resources(0, 0, 512));
        assertThat(Resources.growth(2, 512, 1, 256).isNone()).isTrue();
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThatThrownBy(() -> new Resources(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
