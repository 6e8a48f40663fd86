/**
 * Transactional outbox: {@link io.voidvm.servicekit.outbox.OutboxWriter} stores a message in the caller's
 * transaction, {@link io.voidvm.servicekit.outbox.OutboxRelay} publishes it to Kafka, at least once.
 *
 * <p>Per-key order with several relay replicas comes from a transaction-scoped advisory lock per message key,
 * not from {@code FOR UPDATE SKIP LOCKED}: skipping locked rows would let a second replica publish a key's later
 * rows while the first still holds its earlier ones. One relay owns a key at a time, publishes its rows in id
 * order up to the first one backing off, and releases the key only after the acks are in and the sent marks are
 * committed. Appenders must write the outbox row after the update that serialises its key (e.g. the VM row), so
 * id order equals commit order for one key. The migration is {@code classpath:db/servicekit/V0_1__outbox.sql}.
 */
package io.voidvm.servicekit.outbox;
