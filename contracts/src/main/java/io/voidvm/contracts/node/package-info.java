/**
 * What each agent says about its node: inventory on the compacted {@code voidvm.node.heartbeats} topic (vm-service
 * places VMs from it and treats a node whose heartbeats stop as lost), and the full observed state of its VMs on
 * {@code voidvm.node.observed-state} after every reconcile pass (ADR 0011).
 */
package io.voidvm.contracts.node;
