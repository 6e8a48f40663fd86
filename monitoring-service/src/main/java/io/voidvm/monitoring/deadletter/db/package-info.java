/** The replay ledger in monitoring-service's schema ({@code dead_letter_replays}), over R2DBC. */
package io.voidvm.monitoring.deadletter.db;
