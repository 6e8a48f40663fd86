/**
 * The VM use cases: load, let the domain decide, then write the VM, its operation and the node commands
 * (through the outbox) in one transaction. Also places waiting VMs and answers a node's desired-state resync.
 */
package io.voidvm.vm.lifecycle.app;
