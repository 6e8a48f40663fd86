/**
 * What a dead letter is to an operator (where it sits, where it came from, why it failed) and the rules for
 * naming a dead-letter topic and a replay range. Free of Spring, Kafka and Reactor.
 */
package io.voidvm.monitoring.deadletter.domain;
