/**
 * The VM log's entries: events in a VM's life its tenant should know about, beside the operations on it. Pure
 * domain code.
 */
package io.voidvm.vm.vmlog.domain;
