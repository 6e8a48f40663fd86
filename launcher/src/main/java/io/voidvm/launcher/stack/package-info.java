/**
 * The launcher's commands as a whole: {@code up} (check, start in dependency order, wait, stop in reverse),
 * {@code down} (stop a running or crashed stack) and {@code status}.
 */
package io.voidvm.launcher.stack;
