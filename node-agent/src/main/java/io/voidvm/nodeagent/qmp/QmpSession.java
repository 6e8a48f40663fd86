package io.voidvm.nodeagent.qmp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;

/**
 * One QMP conversation with one QEMU, as the agent needs it. {@link QmpClient} is the real one; tests of the
 * runtime can supply a fake.
 */
public interface QmpSession extends AutoCloseable {

    QmpState state();

    /** What QEMU announced when the session opened. */
    QmpGreeting greeting();

    /**
     * Sends {@code command} and completes with its {@code return} value, or exceptionally with a
     * {@link QmpException}. Dependent stages run on the session's reader thread unless attached with an
     * {@code *Async} method: keep them short.
     */
    CompletableFuture<JsonNode> executeAsync(String command, Map<String, ?> arguments, Duration timeout);

    /** Blocking form of {@link #executeAsync}; throws the {@link QmpException} the call failed with. */
    JsonNode execute(String command, Map<String, ?> arguments, Duration timeout);

    default JsonNode execute(String command, Duration timeout) {
        return execute(command, Map.of(), timeout);
    }

    /** Registers a listener; closing the returned handle removes it. */
    Registration addListener(QmpListener listener);

    /** Ends the session: pending calls fail with {@link QmpDisconnectedException}. Idempotent. */
    @Override
    void close();

    /** Handle of a listener registration. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
