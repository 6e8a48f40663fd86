/** {@code GET /api/v1/vms/{id}/logs}: the VM's operations and events in one timeline, newest first. */
package io.voidvm.vm.vmlog.web;
