/**
 * The agent's Kafka edge: consumes this node's command topic (decode, dead-letter poison, hand to the runtime)
 * and publishes the runtime's status events and command results to {@code voidvm.vm.events}.
 */
package io.voidvm.nodeagent.command;
