/**
 * Real QEMU test guests made by code (a marker boot sector, an optional busybox Linux), the host's QEMU
 * binaries, and {@code @RequiresQemu}, which skips locally but fails in CI when QEMU is missing.
 */
package io.voidvm.testsupport.qemu;
