/**
 * Node use cases: heartbeats into the {@code nodes} table, the replica-safe liveness sweep (READY → NOT_READY,
 * the node's VMs UNKNOWN), and the admin API's cordon, drain and overcommit.
 */
package io.voidvm.vm.node.app;
