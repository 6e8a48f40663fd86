/**
 * The full desired specification of one VM as sent to a node agent: CPU, memory, disks, NICs, policies.
 * Records validate themselves, so an invalid spec cannot be built by a producer or decoded by a reader.
 */
package io.voidvm.contracts.vm.spec;
