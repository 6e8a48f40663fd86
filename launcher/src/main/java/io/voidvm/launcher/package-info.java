/**
 * The one-command local stack behind {@code ./voidvm}: the entry point only; each command lives in its
 * feature package (cli, home, run, ports, infra, services, stack, control).
 */
package io.voidvm.launcher;
