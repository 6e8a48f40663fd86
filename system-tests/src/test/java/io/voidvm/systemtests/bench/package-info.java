/**
 * The VM-start benchmark (DESIGN section 11): the bare QEMU launch floor next to API accept to VM running, for
 * one VM and for a burst; a runnable main, not a test (see docs/benchmarks.md).
 */
package io.voidvm.systemtests.bench;
