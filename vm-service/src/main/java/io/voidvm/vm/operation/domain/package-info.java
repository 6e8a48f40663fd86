/**
 * The operation log: one entry per accepted request on a VM, and the rules that finish it from what the
 * node reports (command results, observed status). Pure Java: no framework, no I/O.
 */
package io.voidvm.vm.operation.domain;
