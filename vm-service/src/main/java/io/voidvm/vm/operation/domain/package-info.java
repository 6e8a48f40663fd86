/**
 * The operation log: one entry per accepted request on a VM, the rules that finish it from what the node
 * reports (command results, observed status), and its deadline by action. Pure Java: no framework, no I/O.
 */
package io.voidvm.vm.operation.domain;
