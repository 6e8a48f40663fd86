/**
 * R2DBC persistence of VMs: rows to {@link io.voidvm.vm.lifecycle.domain.Vm} and back, tenant-scoped lookups,
 * keyset-paged listing, and the per-node sums placement needs. SQL only; no decisions.
 */
package io.voidvm.vm.lifecycle.db;
