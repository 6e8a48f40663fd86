/**
 * Kafka message contracts shared by every voidVM service: the envelope, payload records, topic names
 * and their JSON mapping. Pure Java (Jackson only in {@code codec}); no Spring, Kafka or Reactor.
 */
package io.voidvm.contracts;
