package io.voidvm.image.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.image.catalog.app.ImportSlots;
import io.voidvm.image.catalog.domain.ImageRefusal;
import org.junit.jupiter.api.Test;

class ImportSlotsTest {

    @Test
    void aTenantPastItsLimitIsRefusedNamingTheTenantLimit() {
        ImportSlots slots = new ImportSlots(3, 2);
        slots.take("alice");
        slots.take("alice");
        assertThatThrownBy(() -> slots.take("alice"))
                .isInstanceOfSatisfying(ImageRefusal.ImportsBusy.class, busy -> {
                    assertThat(busy.scope()).isEqualTo("tenant");
                    assertThat(busy.limit()).isEqualTo(2);
                });
        slots.take("bob");
        assertThat(slots.running()).isEqualTo(3);
    }

    @Test
    void theServicePastItsLimitRefusesEveryTenant() {
        ImportSlots slots = new ImportSlots(2, 1);
        slots.take("alice");
        ImportSlots.Slot bob = slots.take("bob");
        assertThatThrownBy(() -> slots.take("carol"))
                .isInstanceOfSatisfying(ImageRefusal.ImportsBusy.class, busy -> {
                    assertThat(busy.scope()).isEqualTo("global");
                    assertThat(busy.limit()).isEqualTo(2);
                });
        bob.giveBack();
        bob.giveBack();
        assertThat(slots.running()).as("a slot given back twice counts once").isEqualTo(1);
        slots.take("carol");
        assertThatThrownBy(() -> slots.take("bob")).isInstanceOf(ImageRefusal.ImportsBusy.class);
    }

    @Test
    void aTenantLimitAboveTheGlobalOneIsRefused() {
        assertThatThrownBy(() -> new ImportSlots(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
