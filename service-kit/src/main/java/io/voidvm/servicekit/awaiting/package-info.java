/**
 * Waiting for nodes' answers with a deadline, shared by every service that sends nodes requests: the rule is in
 * {@code awaiting.domain}; here is its meter ({@link io.voidvm.servicekit.awaiting.AwaitedAnswerMeters}). The
 * sweep that applies the rule runs on {@link io.voidvm.servicekit.sweep.PeriodicSweep}.
 */
package io.voidvm.servicekit.awaiting;
