/**
 * Kafka consumer plumbing: byte-array listener factories and the error handler that dead-letters unreadable
 * records at once and retries the rest with back-off (ADR 0001).
 */
package io.voidvm.storage.kafka;
