/** Consumes {@code voidvm.node.observed-state}, the full report each node agent publishes after a reconcile pass. */
package io.voidvm.vm.observedstate.kafka;
