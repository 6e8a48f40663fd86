/**
 * Pure decisions of the reconcile loop (ADR 0011): how long to wait before the next pass (jittered), and which
 * VMs on the node are strays and when they are destroyed.
 */
package io.voidvm.nodeagent.reconcile.domain;
