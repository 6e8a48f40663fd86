/**
 * Reads {@code voidvm.node.heartbeats} in one consumer group shared by all replicas and hands every heartbeat to
 * the node intake, which keeps the {@code nodes} table; asks the broker whether that group has taken them all.
 */
package io.voidvm.vm.node.kafka;
