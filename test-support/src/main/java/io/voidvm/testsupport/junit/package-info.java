/**
 * JUnit 5 extensions that give a test class real servers: {@code @WithPostgres}, {@code @WithKafka}. Each starts
 * its server once per JVM, resolves it as a test-method or constructor parameter, and sets the Spring Boot
 * connection properties as system properties before any Spring context starts.
 */
package io.voidvm.testsupport.junit;
