package io.voidvm.vm.lifecycle.domain;

/**
 * The power state the user asked for. Node agents converge on it; what they actually see is the observed
 * {@link io.voidvm.contracts.vm.event.VmStatus}. {@link #DELETED} means "remove it", kept until the node
 * confirms.
 */
public enum DesiredPower {
    RUNNING,
    STOPPED,
    PAUSED,
    DELETED
}
