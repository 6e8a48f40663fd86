/**
 * Placement: which node a VM runs on, chosen from the nodes vm-service knows (their state, heartbeat facts and
 * overcommit) and what is already placed on them, or a reason why none fits yet. Pure Java: no framework, no I/O.
 */
package io.voidvm.vm.placement.domain;
