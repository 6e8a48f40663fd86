/**
 * The dead-letter store on the broker: topics and offsets through Kafka's {@code Admin} client, records through
 * a short-lived consumer that assigns and seeks (no group, nothing committed), replays through a producer.
 */
package io.voidvm.monitoring.deadletter.kafka;
