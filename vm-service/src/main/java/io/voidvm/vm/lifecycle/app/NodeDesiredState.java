package io.voidvm.vm.lifecycle.app;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.servicekit.problem.domain.ForbiddenException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.VmSpecRenderer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What should exist on one node (the agents' resync, ADR 0011): every VM placed there with its spec, desired power
 * state and generation. VMs being deleted are listed with {@link DesiredPower#DELETED} so the agent removes them.
 * Each VM says when its row last changed and the answer when it was read, both on vm-service's clock, so an agent
 * can leave a change that has only just been made to its command, which is on its way.
 */
@Service
public class NodeDesiredState {

    /**
     * One VM as the agent converges on it.
     *
     * @param changedAt when the VM's row last changed (a new generation, or anything else): no later than when its
     *                  current generation was issued
     */
    public record DesiredVm(UUID vmId, String tenantId, VmSpec spec, DesiredPower desiredPower, long generation,
                            Instant changedAt) {
    }

    /** @param asOf taken before the VMs were read: every change the answer misses is later than this */
    public record Snapshot(String nodeName, Instant asOf, List<DesiredVm> vms) {
    }

    private final VmRepository vms;
    private final VmSpecRenderer renderer;
    private final Clock clock;

    public NodeDesiredState(VmRepository vms, VmSpecRenderer renderer, Clock clock) {
        this.vms = Objects.requireNonNull(vms, "vms");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Only platform callers (the admin role: node agents use the platform client) may read a node's state. */
    public Mono<Snapshot> of(Caller caller, String nodeName) {
        if (!caller.isAdmin()) {
            return Mono.error(new ForbiddenException("the desired state of a node is for node agents only"));
        }
        if (!DnsLabel.isValid(nodeName)) {
            return Mono.error(new InvalidRequestException("node", "must be a DNS label"));
        }
        return Mono.defer(() -> {
            Instant asOf = clock.instant();
            return vms.placedOn(nodeName)
                    .map(vm -> new DesiredVm(vm.id(), vm.tenantId(), renderer.render(vm), vm.desiredPower(),
                            vm.generation(), vm.updatedAt()))
                    .collectList()
                    .map(list -> new Snapshot(nodeName, asOf, list));
        });
    }
}
