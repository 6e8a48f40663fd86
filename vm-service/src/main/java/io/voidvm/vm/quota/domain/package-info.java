/**
 * Tenant quotas as vm-service sees them: the resources a VM counts against (VMs, vCPUs, memory) and the
 * refusal when the quota owner cannot answer. The limits themselves belong to auth-service.
 */
package io.voidvm.vm.quota.domain;
