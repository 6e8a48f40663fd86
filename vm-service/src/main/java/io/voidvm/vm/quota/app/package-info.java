/**
 * The port to the quota owner: {@link io.voidvm.vm.quota.app.QuotaGate}, asked before a VM is created or
 * grown, and told the tenant's totals afterwards.
 */
package io.voidvm.vm.quota.app;
