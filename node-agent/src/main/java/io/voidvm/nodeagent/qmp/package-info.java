/**
 * QMP adapter: a client for QEMU's machine protocol over a Unix socket (greeting, capability negotiation,
 * id-correlated commands with timeouts, events to listeners) and typed wrappers for the commands the agent uses.
 */
package io.voidvm.nodeagent.qmp;
