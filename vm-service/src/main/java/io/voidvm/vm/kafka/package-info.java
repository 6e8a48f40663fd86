/**
 * Kafka consumer wiring of vm-service's listeners: one {@code ListenerFactories} from service-kit (byte-array
 * listener factories, unreadable records dead-lettered at once, the rest retried with back-off; ADR 0001).
 */
package io.voidvm.vm.kafka;
