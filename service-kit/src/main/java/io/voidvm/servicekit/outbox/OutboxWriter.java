package io.voidvm.servicekit.outbox;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends messages to the outbox inside the caller's reactive transaction, so the state change and the message
 * commit or roll back together. Refuses to run outside a transaction: a message written on its own could be
 * published for a state change that then rolls back.
 *
 * <pre>{@code
 *   return transactionalOperator.transactional(
 *       vms.updateDesiredState(vmId, RUNNING)
 *          .then(operations.insert(op))
 *          .then(outbox.append(envelope)));
 * }</pre>
 */
public final class OutboxWriter {

    /** Channel the relay LISTENs on; NOTIFY is delivered at commit, and never for a rolled-back append. */
    public static final String CHANNEL = "outbox";

    private static final String INSERT = """
            INSERT INTO outbox (message_id, topic, message_key, payload, headers)
            VALUES (:messageId, :topic, :key, :payload, CAST(:headers AS jsonb))""";

    private final DatabaseClient db;
    private final MessageCodec codec;
    private final JsonMapper json;
    private final boolean notify;

    public OutboxWriter(DatabaseClient db, MessageCodec codec, JsonMapper json, boolean notify) {
        this.db = Objects.requireNonNull(db, "db");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.json = Objects.requireNonNull(json, "json");
        this.notify = notify;
    }

    /** Appends a contract message (topic and key derived from the envelope). */
    public Mono<Void> append(MessageEnvelope<?> envelope) {
        return Mono.fromSupplier(() -> OutboxMessage.of(envelope, codec)).flatMap(this::append);
    }

    public Mono<Void> append(OutboxMessage message) {
        Mono<Void> insert = db.sql(INSERT)
                .bind("messageId", message.messageId())
                .bind("topic", message.topic())
                .bind("key", message.key())
                .bind("payload", message.payload())
                .bind("headers", json.writeValueAsString(message.headers()))
                .then();
        Mono<Void> wakeRelay = notify
                ? db.sql("SELECT pg_notify('" + CHANNEL + "', '')").then()
                : Mono.empty();
        return requireTransaction().then(insert).then(wakeRelay);
    }

    private static Mono<Void> requireTransaction() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .onErrorResume(NoTransactionException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "outbox append must run inside the caller's transaction (TransactionalOperator or @Transactional)")))
                .then();
    }
}
