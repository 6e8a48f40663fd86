/**
 * Placement wiring: the shared {@link io.voidvm.vm.placement.domain.NodeInventory}, fed from node heartbeats,
 * and the {@link io.voidvm.vm.placement.app.NodeCapacityChanged} signal that lets waiting VMs be placed.
 */
package io.voidvm.vm.placement.app;
