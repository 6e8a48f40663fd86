package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** VMs in any state, for the domain tests of this module. */
public final class TestVms {

    public static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    public static final VmSpecRenderer RENDERER = vm -> new VmSpec(vm.name(), vm.cpuCores(), vm.memoryMb(),
            List.of(new DiskSpec("boot", new DiskSource.TestDisk("boot.raw"), DiskFormat.RAW, DiskBus.VIRTIO, 1,
                    false)),
            List.of(), vm.osType(), RestartPolicy.NEVER);
    public static final VmCommandFactory COMMANDS = new VmCommandFactory(STOP_TIMEOUT, RENDERER);
    public static final VmSpecValidator VALIDATOR = VmSpecValidator.withMaxMemoryMb(16_384);
    public static final String NODE = "node-a";

    private TestVms() {
    }

    public static NewVm newVm() {
        return new NewVm("web-1", "a web server", 2, 2048L, 10, UUID.randomUUID(), List.of(), OsType.LINUX);
    }

    /** A freshly created, unplaced VM. */
    public static Vm created(DesiredPower initialPower) {
        return Vm.create(UUID.randomUUID(), "acme", newVm(), initialPower, VALIDATOR, T0);
    }

    /**
     * A placed VM whose node has caught up: it shows {@code status} at generation 5, which the node has
     * applied and reported at {@link #T0}.
     */
    public static Vm settled(VmStatus status, DesiredPower desired) {
        return new Vm(UUID.randomUUID(), "acme", "web-1", "", 2, 2048, 10, null, null, List.of(), OsType.LINUX,
                desired, status, null, NODE, 5, 5, T0, 3, T0, T0);
    }

    public static VmStatusChanged report(VmStatus status, long generation, Instant observedAt) {
        return new VmStatusChanged(status, null, generation, observedAt);
    }

    public static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
