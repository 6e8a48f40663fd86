package io.voidvm.storage.volume.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VolumeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final long GIB = VolumeSizes.GIB;
    private final UUID vm = UUID.randomUUID();

    private static Volume pending(long sizeGb) {
        return Volume.create(UUID.randomUUID(), "acme", UUID.randomUUID(), new NewVolume("data", null, sizeGb, null,
                null), sizeGb, NOW);
    }

    private static VolumeEvent ok(Volume volume, VolumeOperation operation, Long sizeBytes, UUID vmId) {
        return new VolumeEvent(volume.id(), operation, CommandOutcome.SUCCEEDED, sizeBytes, 4096L, vmId, null, null,
                NOW);
    }

    private static VolumeEvent failed(Volume volume, VolumeOperation operation, UUID vmId) {
        return new VolumeEvent(volume.id(), operation, CommandOutcome.FAILED, null, null, vmId, "IO", "broken", NOW);
    }

    private static Volume updated(EventOutcome outcome) {
        assertThat(outcome).isInstanceOf(EventOutcome.Updated.class);
        return ((EventOutcome.Updated) outcome).volume();
    }

    private static Volume available(long sizeGb) {
        Volume volume = pending(sizeGb);
        return updated(volume.apply(ok(volume, VolumeOperation.CREATE, sizeGb * GIB, null), NOW));
    }

    @Test
    void createReportsSettleAPendingVolumeOnce() {
        Volume volume = available(2);
        assertThat(volume.status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(volume.virtualSizeBytes()).isEqualTo(2 * GIB);
        assertThat(volume.apply(ok(volume, VolumeOperation.CREATE, GIB, null), NOW))
                .isInstanceOf(EventOutcome.Ignored.class);

        Volume broken = updated(pending(1).apply(failed(pending(1), VolumeOperation.CREATE, null), NOW));
        assertThat(broken.status()).isEqualTo(VolumeStatus.ERROR);
        assertThat(broken.statusReason()).isEqualTo("IO: broken");
    }

    @Test
    void resizeOnlyGrowsAStableVolume() {
        Volume volume = available(2);
        assertThatThrownBy(() -> volume.resizeTo(2, NOW)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> volume.resizeTo(1, NOW)).isInstanceOf(InvalidRequestException.class);
        assertThat(volume.resizeTo(3, NOW).sizeGb()).isEqualTo(3);
        assertThatThrownBy(() -> pending(1).resizeTo(3, NOW)).isInstanceOf(ConflictException.class);

        Volume grown = volume.resizeTo(8, NOW);
        Volume reverted = updated(grown.apply(failed(grown, VolumeOperation.RESIZE, null), NOW));
        assertThat(reverted.sizeGb()).isEqualTo(2);
        assertThat(reverted.status()).isEqualTo(VolumeStatus.AVAILABLE);
    }

    @Test
    void attachAndDetachFollowTheAgent() {
        Volume attaching = available(1).attaching(vm, "disk1", NOW);
        assertThat(attaching.status()).isEqualTo(VolumeStatus.ATTACHING);
        assertThat(attaching.apply(ok(attaching, VolumeOperation.ATTACH, null, UUID.randomUUID()), NOW))
                .as("a report about another VM").isInstanceOf(EventOutcome.Ignored.class);
        Volume attached = updated(attaching.apply(ok(attaching, VolumeOperation.ATTACH, null, vm), NOW));
        assertThat(attached.status()).isEqualTo(VolumeStatus.ATTACHED);
        assertThatThrownBy(() -> attached.attaching(UUID.randomUUID(), "d", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining(vm.toString());

        Volume detaching = attached.detaching(NOW);
        Volume stillAttached = updated(detaching.apply(failed(detaching, VolumeOperation.DETACH, vm), NOW));
        assertThat(stillAttached.status()).isEqualTo(VolumeStatus.ATTACHED);
        Volume free = updated(detaching.apply(ok(detaching, VolumeOperation.DETACH, null, vm), NOW));
        assertThat(free.status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(free.attachedVmId()).isNull();
        assertThat(free.diskId()).isNull();
    }

    @Test
    void deleteIsRefusedWhileAVmHoldsTheVolumeAndNamesIt() {
        Volume attaching = available(1).attaching(vm, "disk1", NOW);
        assertThatThrownBy(() -> attaching.deleting(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(vm.toString());
        Volume deleting = available(1).deleting(NOW);
        assertThat(deleting.deleting(NOW)).isSameAs(deleting);
        assertThat(deleting.apply(ok(deleting, VolumeOperation.DELETE, null, null), NOW))
                .isInstanceOf(EventOutcome.Removed.class);
        assertThat(updated(deleting.apply(failed(deleting, VolumeOperation.DELETE, null), NOW)).status())
                .isEqualTo(VolumeStatus.ERROR);
    }

    @Test
    void theDefaultDiskIdIsADnsLabel() {
        assertThat(pending(1).defaultDiskId()).matches("vol-[0-9a-f]{12}");
    }

    @Test
    void aNewVolumeFromAnImageIsAtLeastTheImage() {
        assertThat(VolumeSizes.forNewVolume(null, 3 * GIB - 1, 100)).isEqualTo(3);
        assertThat(VolumeSizes.forNewVolume(null, 1L, 100)).isEqualTo(1);
        assertThat(VolumeSizes.forNewVolume(5L, 3 * GIB, 100)).isEqualTo(5);
        assertThatThrownBy(() -> VolumeSizes.forNewVolume(2L, 3 * GIB - 1, 100))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("sizeGb"));
        assertThatThrownBy(() -> VolumeSizes.forNewVolume(null, null, 100))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("sizeGb"));
        assertThatThrownBy(() -> VolumeSizes.forNewVolume(101L, null, 100))
                .isInstanceOf(InvalidRequestException.class);
    }
}
