/**
 * The TCP ports the local stack needs and the up-front check that they are free.
 * The probe is an interface so the check itself is pure and unit-tested.
 */
package io.voidvm.launcher.ports;
