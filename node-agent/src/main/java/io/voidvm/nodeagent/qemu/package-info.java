/**
 * QEMU process adapter: host probes (which accelerator this node can use) and, later, launching and
 * re-attaching QEMU processes; the pure argv model lives in {@code qemu.domain}.
 */
package io.voidvm.nodeagent.qemu;
