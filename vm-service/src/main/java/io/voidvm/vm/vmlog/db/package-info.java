/** The {@code vm_log_events} table behind the VM log. */
package io.voidvm.vm.vmlog.db;
