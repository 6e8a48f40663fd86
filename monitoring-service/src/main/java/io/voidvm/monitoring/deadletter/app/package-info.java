/**
 * The dead-letter use cases: admins list, read and replay dead letters; a gauge tracks each topic's depth.
 * Kafka and the replay ledger sit behind the ports {@link io.voidvm.monitoring.deadletter.app.DeadLetterStore}
 * and {@link io.voidvm.monitoring.deadletter.app.ReplayLedger}.
 */
package io.voidvm.monitoring.deadletter.app;
