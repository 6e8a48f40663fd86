/**
 * The system-test harness: starts the real deployables as child processes, talks to them over HTTP and Kafka,
 * and finds and cleans up the QEMU processes they leave on the host.
 */
package io.voidvm.systemtests.harness;
