package io.voidvm.vm.bootvolume.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.vm.bootvolume.domain.BootVolumeRequest;
import io.voidvm.vm.lifecycle.domain.BootVolume;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.NewVm;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.lifecycle.domain.VmSpecValidator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The boot-volume step of a create, with a fake storage-service: volume first, store second, undo on failure. */
class BootVolumeProvisioningTest {

    private static final VmSpecValidator VALIDATOR = new VmSpecValidator(32, 65536);

    private final FakeBootVolumes storage = new FakeBootVolumes();
    private final BootVolumeProvisioning provisioning = new BootVolumeProvisioning(storage);
    private final AtomicReference<Vm> stored = new AtomicReference<>();

    private static Vm newVm(String name, UUID imageId) {
        return Vm.create(UUID.randomUUID(), "acme", new NewVm(name, null, 1, 128L, 3, imageId, List.of(),
                OsType.LINUX), DesiredPower.STOPPED, VALIDATOR, Instant.EPOCH);
    }

    private Mono<Vm> store(Vm vm) {
        stored.set(vm);
        return Mono.just(vm);
    }

    @Test
    void aVmWithoutAnImageAsksStorageForNothing() {
        Vm vm = newVm("plain", null);

        StepVerifier.create(provisioning.createWith(vm, this::store)).expectNext(vm).verifyComplete();
        assertThat(storage.made()).isEmpty();
        assertThat(stored.get().bootVolume()).isNull();
    }

    @Test
    void aVmWithAnImageIsStoredWithItsBootVolumeOfItsDiskSize() {
        UUID image = UUID.randomUUID();
        Vm vm = newVm("web", image);

        StepVerifier.create(provisioning.createWith(vm, this::store))
                .assertNext(saved -> assertThat(saved.bootVolume()).isNotNull()
                        .extracting(BootVolume::nodeName).isEqualTo(FakeBootVolumes.NODE))
                .verifyComplete();
        BootVolumeRequest asked = storage.made().keySet().iterator().next();
        assertThat(asked).isEqualTo(new BootVolumeRequest("acme", vm.id(),
                "web-boot-" + vm.id().toString().substring(28), 3, image));
        assertThat(stored.get().bootVolume()).isEqualTo(storage.made().get(asked));
    }

    @Test
    void whenTheVolumeCannotBeMadeNothingIsStored() {
        storage.failCreatesWith(new InvalidRequestException("diskSizeGb", "smaller than the image"));

        StepVerifier.create(provisioning.createWith(newVm("web", UUID.randomUUID()), this::store))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("diskSizeGb"))
                .verify();
        assertThat(stored.get()).isNull();
    }

    @Test
    void whenStoringFailsTheNewVolumeIsDeletedAgainAndTheErrorIsKept() {
        IllegalStateException boom = new IllegalStateException("database gone");

        StepVerifier.create(provisioning.createWith(newVm("web", UUID.randomUUID()), vm -> Mono.error(boom)))
                .expectErrorMatches(error -> error == boom)
                .verify();
        assertThat(storage.deleted()).containsExactlyElementsOf(
                storage.made().values().stream().map(BootVolume::volumeId).toList());
        assertThat(storage.deleted()).hasSize(1);
    }

    @Test
    void volumeNamesAreDnsLabelsThatNeverClashBetweenVmsOfOneName() {
        UUID a = UUID.randomUUID();
        String longName = "a".repeat(63);
        assertThat(BootVolume.nameFor("web", a)).isEqualTo("web-boot-" + a.toString().substring(28));
        assertThat(BootVolume.nameFor(longName, a)).hasSize(63).startsWith("aaaa").endsWith(a.toString()
                .substring(28));
        assertThat(BootVolume.nameFor("web", a)).isNotEqualTo(BootVolume.nameFor("web", UUID.randomUUID()));
        assertThat(BootVolume.nameFor("ab-" + "c".repeat(45) + "-x", a)).doesNotContain("--");
    }
}
