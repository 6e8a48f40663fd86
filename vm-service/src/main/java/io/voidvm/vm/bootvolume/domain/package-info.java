/**
 * Boot volumes as vm-service sees them: the request for a VM's volume, a deletion still owed to
 * storage-service, and the refusal when storage-service cannot answer. The volumes themselves belong to
 * storage-service.
 */
package io.voidvm.vm.bootvolume.domain;
