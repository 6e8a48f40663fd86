/**
 * Kafka consumer plumbing shared by vm-service's listeners: byte-array listener factories and the error
 * handler that dead-letters unreadable records at once and retries the rest with back-off (ADR 0001).
 */
package io.voidvm.vm.kafka;
