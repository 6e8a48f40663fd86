/**
 * Converges this node on its desired state without waiting for commands: at start-up it re-attaches to (or
 * reports) every VM found on disk before commands are consumed, then repeats a reconcile pass periodically.
 */
package io.voidvm.nodeagent.reconcile;
