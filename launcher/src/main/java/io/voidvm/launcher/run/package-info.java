/**
 * Run-time bookkeeping under {@code <data>/run}: the launcher lock, pid files of every process the stack
 * started, the ready marker, and stopping process trees, so {@code down} works even after a crash.
 */
package io.voidvm.launcher.run;
