/** The real {@code qemu-img}, run as a child process (argv, no shell) under a time and an address-space limit. */
package io.voidvm.image.validation.qemu;
