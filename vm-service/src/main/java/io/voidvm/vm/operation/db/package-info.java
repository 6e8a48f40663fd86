/**
 * R2DBC persistence of the operation log: rows to {@link io.voidvm.vm.operation.domain.Operation} and back,
 * tenant-scoped lookups and a VM's log, newest first. SQL only; no decisions.
 */
package io.voidvm.vm.operation.db;
