/**
 * Kafka topic names and the partition-key rule. Every producer and consumer takes names from here,
 * so a typo cannot create a stray topic.
 */
package io.voidvm.contracts.topic;
