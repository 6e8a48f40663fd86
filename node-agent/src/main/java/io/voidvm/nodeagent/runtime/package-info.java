/**
 * Runs this node's VMs: one {@link io.voidvm.nodeagent.runtime.VmRuntime} per VM (state machine, QMP session,
 * serial executor), QEMU launched detached so VMs outlive the agent, and local persistence of desired state.
 */
package io.voidvm.nodeagent.runtime;
