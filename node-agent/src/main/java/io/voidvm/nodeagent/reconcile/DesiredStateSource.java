package io.voidvm.nodeagent.reconcile;

import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.util.List;
import java.util.Optional;

/**
 * The node's full desired state from vm-service (ADR 0001: {@code GET /internal/v1/nodes/{node}/desired-state}).
 * Empty when unavailable; the agent then converges on its local specs alone. The HTTP client is not built
 * yet: {@link #none()} is the only implementation.
 */
@FunctionalInterface
public interface DesiredStateSource {

    Optional<List<VmRecord>> fetch(String nodeName);

    static DesiredStateSource none() {
        return nodeName -> Optional.empty();
    }
}
