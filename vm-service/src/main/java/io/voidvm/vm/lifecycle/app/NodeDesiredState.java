package io.voidvm.vm.lifecycle.app;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.servicekit.problem.domain.ForbiddenException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.VmSpecRenderer;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What should exist on one node (ADR 0001 resync): every VM placed there with its spec, desired power state and
 * generation. VMs being deleted are listed with {@link DesiredPower#DELETED} so the agent removes them.
 */
@Service
public class NodeDesiredState {

    /** One VM as the agent converges on it. */
    public record DesiredVm(UUID vmId, String tenantId, VmSpec spec, DesiredPower desiredPower, long generation) {
    }

    public record Snapshot(String nodeName, List<DesiredVm> vms) {
    }

    private final VmRepository vms;
    private final VmSpecRenderer renderer;

    public NodeDesiredState(VmRepository vms, VmSpecRenderer renderer) {
        this.vms = Objects.requireNonNull(vms, "vms");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Only platform callers (the admin role: node agents use the platform client) may read a node's state. */
    public Mono<Snapshot> of(Caller caller, String nodeName) {
        if (!caller.isAdmin()) {
            return Mono.error(new ForbiddenException("the desired state of a node is for node agents only"));
        }
        if (!DnsLabel.isValid(nodeName)) {
            return Mono.error(new InvalidRequestException("node", "must be a DNS label"));
        }
        return vms.placedOn(nodeName)
                .map(vm -> new DesiredVm(vm.id(), vm.tenantId(), renderer.render(vm), vm.desiredPower(),
                        vm.generation()))
                .collectList()
                .map(list -> new Snapshot(nodeName, list));
    }
}
