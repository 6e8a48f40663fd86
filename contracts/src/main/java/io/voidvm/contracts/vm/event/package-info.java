/**
 * Events node agents publish about VMs on {@code voidvm.vm.events}: observed status, command results and
 * snapshot outcomes. Observed state comes only from here; vm-service never guesses it.
 */
package io.voidvm.contracts.vm.event;
