/**
 * Publishes this node's heartbeat to {@code voidvm.node.heartbeats} (compacted, key = node name) on a
 * fixed interval, so vm-service knows the node, its capacity and when it went silent.
 */
package io.voidvm.nodeagent.heartbeat;
