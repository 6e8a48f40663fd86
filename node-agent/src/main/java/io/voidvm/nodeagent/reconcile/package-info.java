/**
 * Converges this node on its desired state without waiting for commands (ADR 0011): at start-up it re-attaches to
 * (or reports) every VM found on disk before commands are consumed; then, right away and every jittered interval,
 * it fetches the node's desired state from vm-service, converges on it, destroys strays after their grace period
 * and publishes the node's full observed-state report.
 */
package io.voidvm.nodeagent.reconcile;
