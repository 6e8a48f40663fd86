/**
 * Periodic resource samples: per VM on {@code voidvm.vm.metrics}, per host on {@code voidvm.node.metrics}.
 * Byte counters are cumulative since QEMU (or host) start; monitoring-service derives rates.
 */
package io.voidvm.contracts.metrics;
