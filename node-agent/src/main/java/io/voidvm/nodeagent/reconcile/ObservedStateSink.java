package io.voidvm.nodeagent.reconcile;

import io.voidvm.contracts.node.NodeObservedState;

/** Where the node's full observed-state report goes after each pass; Kafka in production. */
@FunctionalInterface
public interface ObservedStateSink {

    /** Sends the report; a failure is logged, not thrown: the next pass reports again. */
    void publish(NodeObservedState report);
}
