package io.voidvm.vm.operation.domain;

/** Where an operation is: accepted, being carried out by the node, or finished one way or the other. */
public enum OperationStatus {
    /** Accepted and stored; the node has not reported on it yet. */
    PENDING,
    /** The node has started on it (a command acknowledged, a transitional status reported). */
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
