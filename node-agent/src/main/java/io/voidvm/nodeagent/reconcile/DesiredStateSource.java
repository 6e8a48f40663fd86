package io.voidvm.nodeagent.reconcile;

import io.voidvm.nodeagent.reconcile.domain.DesiredState;
import java.util.Optional;

/**
 * The node's full desired state from vm-service (ADR 0011: {@code GET /internal/v1/nodes/{node}/desired-state},
 * {@link HttpDesiredStateSource}). The agent converges on its local specs alone when a fetch fails.
 */
@FunctionalInterface
public interface DesiredStateSource {

    /**
     * Fetches the desired state now; empty when this agent has no source (tests).
     *
     * @throws DesiredStateUnavailableException when the fetch fails
     */
    Optional<DesiredState> fetch(String nodeName);

    /** No source at all: only local specs count, and nothing is ever a stray. */
    static DesiredStateSource none() {
        return nodeName -> Optional.empty();
    }
}
