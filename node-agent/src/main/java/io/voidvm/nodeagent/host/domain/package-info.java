/**
 * What a host offers to VMs (CPUs, memory, disk, KVM, QEMU version) and how to read it from the text
 * Linux and QEMU print. Pure Java: the I/O lives in {@code io.voidvm.nodeagent.host}.
 */
package io.voidvm.nodeagent.host.domain;
