package io.voidvm.vm.placement.domain;

import io.voidvm.contracts.DnsLabel;
import java.util.Objects;

/** The outcome of {@link Placement#choose}: a node, or why no node can take the VM now. */
public sealed interface PlacementDecision {

    record Placed(String nodeName) implements PlacementDecision {

        public Placed {
            DnsLabel.require(nodeName, "nodeName");
        }
    }

    /** @param reason becomes the VM's {@code statusReason} while it stays PENDING */
    record Unplaceable(String reason) implements PlacementDecision {

        public Unplaceable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
