/**
 * Pure rules for a node's full observed-state report (ADR 0011): which strays a node reports are new, which are
 * gone. Per-VM entries are judged by {@code Vm.observe}, like single status events.
 */
package io.voidvm.vm.observedstate.domain;
