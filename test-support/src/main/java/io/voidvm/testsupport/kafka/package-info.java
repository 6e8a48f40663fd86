/**
 * A real single-node KRaft Kafka broker in a child JVM, started from the Kafka jars in the local Maven
 * repository, so tests and the local stack can stop, kill and restart it on the same port and data; and
 * {@link io.voidvm.testsupport.kafka.KafkaFixture}, a test's own producer and reader on it.
 */
package io.voidvm.testsupport.kafka;
