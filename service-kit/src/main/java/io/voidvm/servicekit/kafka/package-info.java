/**
 * Kafka consumers every service builds the same way: raw record bytes for the contracts codec, and kafka-kit's
 * error handling (malformed records dead-lettered at once, other failures retried with back-off first, every
 * dead letter logged and counted).
 */
package io.voidvm.servicekit.kafka;
