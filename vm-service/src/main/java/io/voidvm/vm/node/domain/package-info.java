/**
 * Nodes as vm-service keeps them: the facts of their latest heartbeat, whether they are READY, and what an
 * admin set (cordon, drain, overcommit). Pure Java: the decisions are made here, with the time passed in.
 */
package io.voidvm.vm.node.domain;
