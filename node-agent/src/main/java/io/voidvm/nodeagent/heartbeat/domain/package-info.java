/**
 * What a node says about itself in a heartbeat: host facts minus reservations, accelerator, QEMU version.
 * Pure Java; publishing is done by {@code io.voidvm.nodeagent.heartbeat}.
 */
package io.voidvm.nodeagent.heartbeat.domain;
