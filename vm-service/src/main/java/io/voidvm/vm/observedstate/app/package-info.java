/**
 * Takes a node's full observed-state report (ADR 0011): each VM entry in a transaction of its own through the
 * same intake as single status events, then the node's strays are logged and counted.
 */
package io.voidvm.vm.observedstate.app;
