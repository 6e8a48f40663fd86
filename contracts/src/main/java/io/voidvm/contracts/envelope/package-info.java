/**
 * The message envelope, the registry of message types with their stable wire names, time-ordered
 * message ids, and a clock-driven factory that producers use to build envelopes.
 */
package io.voidvm.contracts.envelope;
