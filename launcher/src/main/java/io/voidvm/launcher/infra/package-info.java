/**
 * The local stack's infrastructure (PostgreSQL, Kafka, Keycloak), started through test-support's real servers
 * with durable data under the data dir, and stopped in reverse order.
 */
package io.voidvm.launcher.infra;
