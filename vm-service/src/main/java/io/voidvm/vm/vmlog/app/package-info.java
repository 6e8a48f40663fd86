/** Writes the VM log: the entries a change of a VM deserves, in the transaction that stores the change. */
package io.voidvm.vm.vmlog.app;
