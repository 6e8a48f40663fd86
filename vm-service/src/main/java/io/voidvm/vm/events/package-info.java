/**
 * Consumes {@code voidvm.vm.events}: observed status updates the VM, command results finish operations, and
 * every message id is recorded in the same transaction, so redeliveries and reordering change nothing.
 */
package io.voidvm.vm.events;
