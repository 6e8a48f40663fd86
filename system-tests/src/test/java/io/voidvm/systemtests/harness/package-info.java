/**
 * The system-test harness: one shared running platform per test JVM ({@link io.voidvm.systemtests.harness.SharedPlatform},
 * two node agents, every service behind the gateway) and the benchmarks' own stacks, all from the real deployables
 * as child processes; clients over HTTP and Kafka; the QEMU processes on the host, found and cleaned up.
 */
package io.voidvm.systemtests.harness;
