package io.voidvm.nodeagent.reconcile.domain;

import io.voidvm.nodeagent.runtime.domain.LocalVm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which VMs on this node are strays, and when each is destroyed (ADR 0011). A stray is a VM this node has that a
 * successful desired-state fetch does not list. It is judged only by fetches that started after the node learned
 * of it (a VM defined by a command after the fetch started may be one vm-service placed meanwhile), it is forgiven
 * as soon as a fetch lists it again (vm-service claims it), and it is destroyed once successful fetches have not
 * listed it for the grace period. A failed fetch decides nothing: no VM becomes a stray and none is destroyed.
 * Used by one thread (the reconcile loop).
 */
public final class StrayWatch {

    /** A stray as the node reports it: since when, and when it goes. */
    public record Stray(UUID vmId, boolean qemuRunning, Instant since, Instant destroyAt) {
    }

    /**
     * What one pass decided.
     *
     * @param strays  every stray the node has now, the ones to destroy included
     * @param destroy strays whose grace period is over
     * @param claimed former strays the fetch lists again
     */
    public record Decision(List<Stray> strays, List<UUID> destroy, Set<UUID> claimed) {

        public Decision {
            strays = List.copyOf(strays);
            destroy = List.copyOf(destroy);
            claimed = Set.copyOf(claimed);
        }
    }

    private final Duration grace;
    private final Clock clock;
    /** When a successful fetch first did not list each stray. */
    private final Map<UUID, Instant> since = new HashMap<>();

    public StrayWatch(Duration grace, Clock clock) {
        this.grace = Objects.requireNonNull(grace, "grace");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
    }

    /**
     * After a successful fetch that started at {@code fetchMark} and listed {@code listed}.
     *
     * @param local what the node has now
     */
    public Decision afterFetch(Set<UUID> listed, long fetchMark, Collection<LocalVm> local) {
        Instant now = clock.instant();
        Set<UUID> claimed = since.keySet().stream().filter(listed::contains).collect(Collectors.toSet());
        forgetAllBut(local);
        List<Stray> strays = new ArrayList<>();
        List<UUID> destroy = new ArrayList<>();
        for (LocalVm vm : local) {
            if (listed.contains(vm.vmId()) || vm.learnedAt() > fetchMark) {
                // listed: vm-service's; learned after the fetch started: this fetch cannot tell
                since.remove(vm.vmId());
                continue;
            }
            Instant first = since.computeIfAbsent(vm.vmId(), id -> now);
            Stray stray = new Stray(vm.vmId(), vm.qemuRunning(), first, first.plus(grace));
            strays.add(stray);
            if (!now.isBefore(stray.destroyAt())) {
                destroy.add(vm.vmId());
            }
        }
        return new Decision(strays, destroy, claimed);
    }

    /** After a failed fetch: the strays known so far that the node still has; nothing is destroyed. */
    public Decision withoutFetch(Collection<LocalVm> local) {
        forgetAllBut(local);
        List<Stray> strays = local.stream().filter(vm -> since.containsKey(vm.vmId()))
                .map(vm -> new Stray(vm.vmId(), vm.qemuRunning(), since.get(vm.vmId()),
                        since.get(vm.vmId()).plus(grace)))
                .toList();
        return new Decision(strays, List.of(), Set.of());
    }

    private void forgetAllBut(Collection<LocalVm> local) {
        Set<UUID> present = local.stream().map(LocalVm::vmId).collect(Collectors.toSet());
        since.keySet().retainAll(present);
    }
}
