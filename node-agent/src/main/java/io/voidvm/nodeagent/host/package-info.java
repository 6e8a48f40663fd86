/**
 * Reads the real host: {@code /proc/meminfo}, {@code /dev/kvm}, the state directory's file system and
 * {@code qemu-system-x86_64 --version}.
 */
package io.voidvm.nodeagent.host;
