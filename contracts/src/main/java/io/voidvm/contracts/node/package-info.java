/**
 * Node inventory published by each agent on the compacted {@code voidvm.node.heartbeats} topic;
 * vm-service places VMs from it and treats a node whose heartbeats stop as lost.
 */
package io.voidvm.contracts.node;
