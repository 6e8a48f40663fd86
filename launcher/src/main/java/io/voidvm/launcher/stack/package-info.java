/**
 * The launcher's commands as a whole: {@code up} (check, start in dependency order, wait, stop in reverse),
 * {@code down} (stop a running or crashed stack), {@code status} and {@code restart} (one component, done by the
 * running launcher).
 */
package io.voidvm.launcher.stack;
