package io.voidvm.servicekit.outbox;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * LISTENs on {@value OutboxWriter#CHANNEL} and wakes the relay, so a committed message is published within
 * milliseconds instead of at the next poll. Uses its own connection, not one from the pool, because it holds
 * it for the life of the process. Polling remains the safety net: a lost connection only costs latency, and
 * every (re)connect wakes the relay in case a notification was missed meanwhile.
 */
final class OutboxNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotificationListener.class);

    private final ConnectionFactory connectionFactory;
    private final Runnable onNotification;
    private volatile Disposable subscription;

    OutboxNotificationListener(ConnectionFactory connectionFactory, Runnable onNotification) {
        this.connectionFactory = unpooled(Objects.requireNonNull(connectionFactory, "connectionFactory"));
        this.onNotification = Objects.requireNonNull(onNotification, "onNotification");
    }

    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner
               && inner != current) {
            current = inner;
        }
        return current;
    }

    @Override
    public void start() {
        subscription = Flux.usingWhen(Mono.from(connectionFactory.create()), this::listen, Connection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.warn("outbox LISTEN connection lost; reconnecting",
                                signal.failure())))
                .subscribe(n -> onNotification.run());
    }

    private Flux<Object> listen(Connection connection) {
        if (!(connection instanceof PostgresqlConnection postgres)) {
            return Flux.error(new IllegalStateException("LISTEN needs a PostgreSQL connection, got "
                    + connection.getClass().getName()));
        }
        return postgres.createStatement("LISTEN " + OutboxWriter.CHANNEL).execute()
                .flatMap(result -> result.getRowsUpdated())
                .then(Mono.fromRunnable(onNotification))
                .thenMany(postgres.getNotifications().cast(Object.class))
                // the notification stream completes when the connection closes: treat it as a failure to retry
                .concatWith(Flux.error(() -> new IllegalStateException("LISTEN connection closed")));
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }
}
