/**
 * Commands vm-service sends to the node agent that runs a VM, on {@code voidvm.node.<node>.commands}.
 * Commands that move desired state carry its generation so an agent can drop stale or replayed ones.
 */
package io.voidvm.contracts.vm.command;
