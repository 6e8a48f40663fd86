/**
 * Periodic jobs, one way for every service: {@link io.voidvm.servicekit.sweep.PeriodicSweep} (non-overlapping,
 * jittered, replica-safe by the pattern its comment gives, measured), made by the
 * {@link io.voidvm.servicekit.sweep.Sweeps} bean.
 */
package io.voidvm.servicekit.sweep;
