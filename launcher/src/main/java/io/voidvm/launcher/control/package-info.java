/**
 * Requests to a running launcher from another {@code ./voidvm} process ({@code restart NAME}), over a Unix
 * socket in the run dir: the launcher does the work, so pid files, status and {@code down} stay right.
 */
package io.voidvm.launcher.control;
