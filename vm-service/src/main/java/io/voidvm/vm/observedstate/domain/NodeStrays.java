package io.voidvm.vm.observedstate.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The strays each node reported last: VMs a node has that vm-service's desired state for it does not list. Only
 * changes are news (a stray is reported every pass until its node destroys it), so {@link #report} says which
 * strays appeared and which are gone. Not thread-safe; the caller serialises reports.
 */
public final class NodeStrays {

    /**
     * What one report changed for its node.
     *
     * @param appeared strays this report names that the node's previous report did not
     * @param gone     strays of the previous report that this one no longer names (destroyed or claimed)
     * @param count    how many strays the node has now
     */
    public record Change(Set<UUID> appeared, Set<UUID> gone, int count) {

        public Change {
            appeared = Set.copyOf(appeared);
            gone = Set.copyOf(gone);
        }

        public boolean isEmpty() {
            return appeared.isEmpty() && gone.isEmpty();
        }
    }

    private final Map<String, Set<UUID>> byNode = new HashMap<>();

    public Change report(String nodeName, Set<UUID> strays) {
        Objects.requireNonNull(nodeName, "nodeName");
        Set<UUID> now = Set.copyOf(strays);
        Set<UUID> before = byNode.getOrDefault(nodeName, Set.of());
        Set<UUID> appeared = new HashSet<>(now);
        appeared.removeAll(before);
        Set<UUID> gone = new HashSet<>(before);
        gone.removeAll(now);
        byNode.put(nodeName, now);
        return new Change(appeared, gone, now.size());
    }

    /** How many strays {@code nodeName} reported last (0 for a node never heard of). */
    public int count(String nodeName) {
        return byNode.getOrDefault(nodeName, Set.of()).size();
    }
}
