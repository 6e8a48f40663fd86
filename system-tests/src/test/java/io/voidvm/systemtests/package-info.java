/**
 * End-to-end tests of the real deployables: every service and two node agents run from their fat jars as
 * processes against real PostgreSQL, Kafka, Keycloak and QEMU, and are driven through the public REST API.
 */
package io.voidvm.systemtests;
