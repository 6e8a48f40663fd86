/**
 * Placement: which node a VM runs on, chosen from the nodes' latest heartbeats and what is already placed
 * on them, or a reason why none fits yet. Pure Java: no framework, no I/O; time comes from a Clock.
 */
package io.voidvm.vm.placement.domain;
