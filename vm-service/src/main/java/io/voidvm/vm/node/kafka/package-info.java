/**
 * Reads {@code voidvm.node.heartbeats} from the start in every replica (a group of its own), so each has the
 * whole node inventory, and hands every heartbeat to placement.
 */
package io.voidvm.vm.placement.kafka;
