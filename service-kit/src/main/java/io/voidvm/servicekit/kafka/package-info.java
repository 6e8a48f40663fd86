/**
 * Kafka consumers every service builds the same way: raw record bytes for the contracts codec, malformed records
 * dead-lettered at once, other failures retried with back-off first.
 */
package io.voidvm.servicekit.kafka;
