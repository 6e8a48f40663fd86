/**
 * How every voidVM Kafka consumer handles a record it cannot process: {@code <topic>.dlt} with a reason header,
 * one WARN line and one count of {@code voidvm.kafka.dead.letters} per dead letter (ADR 0001). Spring Kafka and
 * Micrometer only, no Spring Boot, so service-kit and node-agent build their consumers on the same code.
 */
package io.voidvm.kafkakit;
