/**
 * Reads {@code voidvm.node.heartbeats} in one consumer group shared by all replicas and hands every heartbeat to
 * the node intake, which keeps the {@code nodes} table.
 */
package io.voidvm.vm.node.kafka;
