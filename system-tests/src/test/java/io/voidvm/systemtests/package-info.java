/**
 * End-to-end tests of the real deployables: vm-service and node-agent run from their fat jars as processes
 * against real PostgreSQL, Kafka, Keycloak and QEMU, and are driven only through the public REST API.
 */
package io.voidvm.systemtests;
