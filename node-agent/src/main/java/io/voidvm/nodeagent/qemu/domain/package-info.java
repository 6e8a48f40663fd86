/**
 * Pure model of a QEMU guest on this node: the VM spec, the node's settings, the host layout of a VM's files,
 * and the argv that turns them into a QEMU process. No I/O, no frameworks.
 */
package io.voidvm.nodeagent.qemu.domain;
