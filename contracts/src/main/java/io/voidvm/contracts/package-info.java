/** Kafka message envelope, command and event records, topic names and their JSON mapping. Pure Java. */
package io.voidvm.contracts;
