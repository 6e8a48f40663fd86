/**
 * Pure model of one VM's runtime on this node: its observed state machine, desired power state, what to do to
 * converge, how QEMU exits are classified and when a VM restarts, and command admission (dedupe, generations).
 */
package io.voidvm.nodeagent.runtime.domain;
