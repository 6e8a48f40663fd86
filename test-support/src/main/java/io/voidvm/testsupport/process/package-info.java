/**
 * Child processes for real infrastructure (Kafka broker, Keycloak): start, log to a file, wait until
 * ready, stop gracefully then forcibly, and never outlive the JVM that started them.
 */
package io.voidvm.testsupport.process;
