package io.voidvm.nodeagent.qmp;

import static io.voidvm.nodeagent.qmp.QmpClientTest.TIMEOUT;
import static io.voidvm.nodeagent.qmp.QmpClientTest.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** Everything that can go wrong on a QMP session, each forced by the fake server. */
class QmpClientFailureTest {

    /** Far above "promptly": a call that fails within {@link #PROMPT} failed because of the event, not a timer. */
    static final Duration LONG = Duration.ofSeconds(60);
    static final Duration PROMPT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    FakeQmpServer qemu;
    QmpClient client;
    final List<QmpDisconnectedException> disconnects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        qemu = FakeQmpServer.start(dir);
        client = new QmpClient(qemu.socket());
        client.addListener(new QmpListener() {
            @Override
            public void onEvent(QmpEvent event) {
            }

            @Override
            public void onDisconnected(QmpDisconnectedException cause) {
                disconnects.add(cause);
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        qemu.close();
    }

    @Test
    void anErrorReplyBecomesATypedCommandException() {
        open(client, qemu);

        CompletableFuture<JsonNode> call = client.executeAsync("device_del", Map.of("id", "nope"), TIMEOUT);
        qemu.replyError(qemu.expect("device_del"), "DeviceNotFound", "Device 'nope' not found");

        assertThatThrownBy(call::join).cause()
                .isInstanceOfSatisfying(QmpCommandException.class, error -> {
                    assertThat(error.command()).isEqualTo("device_del");
                    assertThat(error.errorClass()).isEqualTo("DeviceNotFound");
                    assertThat(error.description()).isEqualTo("Device 'nope' not found");
                    assertThat(error.retryable()).isFalse();
                });
        assertThat(client.state()).isEqualTo(QmpState.RUNNING);
    }

    @Test
    void aCallWithoutReplyTimesOutAndItsLateReplyDoesNotDisturbTheNextCall() {
        open(client, qemu);

        assertThatThrownBy(() -> client.execute("query-status", Duration.ofMillis(200)))
                .isInstanceOfSatisfying(QmpTimeoutException.class, timeout -> {
                    assertThat(timeout.awaited()).isEqualTo("query-status");
                    assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200));
                });
        FakeQmpServer.Command late = qemu.expect("query-status");
        qemu.reply(late, "{\"status\": \"late\"}");

        CompletableFuture<JsonNode> next = client.executeAsync("query-status", Map.of(), TIMEOUT);
        qemu.reply(qemu.expect("query-status"), "{\"status\": \"running\"}");

        assertThat(next.join().path("status").asString()).isEqualTo("running");
        assertThat(client.state()).isEqualTo(QmpState.RUNNING);
    }

    @Test
    void whenQemuClosesTheSocketEveryPendingCallFailsPromptlyAndListenersHearIt() {
        open(client, qemu);
        List<CompletableFuture<JsonNode>> calls = List.of(
                client.executeAsync("query-status", Map.of(), LONG),
                client.executeAsync("query-block", Map.of(), LONG),
                client.executeAsync("system_powerdown", Map.of(), LONG));
        qemu.expect("query-status");
        qemu.expect("query-block");
        qemu.expect("system_powerdown");

        qemu.closeConnection();

        for (CompletableFuture<JsonNode> call : calls) {
            assertThat(call).failsWithin(PROMPT)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(QmpDisconnectedException.class)
                    .withMessageContaining("closed the QMP socket");
        }
        await().atMost(PROMPT).untilAsserted(() -> assertThat(disconnects).hasSize(1));
        assertThat(client.state()).isEqualTo(QmpState.CLOSED);
        assertThatThrownBy(() -> client.execute("query-status", LONG)).isInstanceOf(QmpDisconnectedException.class);
    }

    @Test
    void aMalformedLineEndsTheSessionAndFailsPendingCallsWithTheProtocolErrorAsCause() {
        open(client, qemu);
        CompletableFuture<JsonNode> call = client.executeAsync("query-status", Map.of(), LONG);
        qemu.expect("query-status");

        qemu.send("{\"return\": {}, \"id\": ");

        assertThat(call).failsWithin(PROMPT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(QmpDisconnectedException.class)
                .withMessageContaining("malformed JSON");
        assertThat(disconnectCause(call)).isInstanceOf(QmpProtocolException.class);
        await().atMost(PROMPT).untilAsserted(() -> assertThat(disconnects).hasSize(1));
        assertThat(client.state()).isEqualTo(QmpState.CLOSED);
    }

    @Test
    void closingFromTheCallbackOfACallThatFailedOnDisconnectDoesNotDeadlock() {
        open(client, qemu);
        CompletableFuture<JsonNode> call = client.executeAsync("query-status", Map.of(), LONG);
        CompletableFuture<QmpState> stateSeenAfterClose = call.handle((value, failure) -> {
            client.close();
            return client.state();
        });
        qemu.expect("query-status");

        qemu.closeConnection();

        assertThat(stateSeenAfterClose).succeedsWithin(PROMPT).isEqualTo(QmpState.DISCONNECTING);
        await().atMost(PROMPT).until(() -> client.state() == QmpState.CLOSED);
    }

    @Test
    void aListenerAddedAfterTheEndIsToldAtOnce() {
        open(client, qemu);
        qemu.closeConnection();
        await().atMost(PROMPT).until(() -> client.state() == QmpState.CLOSED);
        await().atMost(PROMPT).untilAsserted(() -> assertThat(disconnects).hasSize(1));

        List<QmpDisconnectedException> late = new CopyOnWriteArrayList<>();
        client.addListener(new QmpListener() {
            @Override
            public void onEvent(QmpEvent event) {
            }

            @Override
            public void onDisconnected(QmpDisconnectedException cause) {
                late.add(cause);
            }
        });

        assertThat(late).hasSize(1);
    }

    @Test
    void aGreetingWithoutVersionIsAProtocolError() {
        CompletableFuture<QmpGreeting> opening = opening();
        qemu.send("{\"QMP\": {\"capabilities\": []}}");

        assertThat(opening).failsWithin(PROMPT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(QmpProtocolException.class)
                .withMessageContaining("greeting lacks");
        assertThat(client.state()).isEqualTo(QmpState.CLOSED);
    }

    @Test
    void somethingOtherThanAGreetingFirstIsAProtocolError() {
        CompletableFuture<QmpGreeting> opening = opening();
        qemu.event("STOP", null, Instant.now());

        assertThat(opening).failsWithin(PROMPT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(QmpProtocolException.class)
                .withMessageContaining("before the QMP greeting");
    }

    @Test
    void aSilentPeerMakesOpenTimeOut() {
        assertThatThrownBy(() -> client.open(Duration.ofMillis(300)))
                .isInstanceOfSatisfying(QmpTimeoutException.class,
                        timeout -> assertThat(timeout.awaited()).isEqualTo("greeting"));
        assertThat(client.state()).isEqualTo(QmpState.CLOSED);
    }

    @Test
    void refusedCapabilitiesFailOpen() {
        CompletableFuture<QmpGreeting> opening = opening();
        qemu.greet();
        qemu.replyError(qemu.expect("qmp_capabilities"), "GenericError", "no");

        assertThat(opening).failsWithin(PROMPT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(QmpCommandException.class);
        assertThat(client.state()).isEqualTo(QmpState.CLOSED);
    }

    @Test
    void noSocketMeansDisconnectedAtOpen() {
        QmpClient nowhere = new QmpClient(dir.resolve("absent.sock"));

        assertThatThrownBy(() -> nowhere.open(TIMEOUT))
                .isInstanceOf(QmpDisconnectedException.class)
                .hasMessageContaining("cannot connect");
        assertThat(nowhere.state()).isEqualTo(QmpState.CLOSED);
    }

    /** The per-call exception wraps the session's end cause, which wraps what ended it. */
    private static Throwable disconnectCause(CompletableFuture<JsonNode> call) {
        Throwable perCall = call.handle((value, failure) -> failure).join();
        return perCall.getCause().getCause();
    }

    private CompletableFuture<QmpGreeting> opening() {
        return CompletableFuture.supplyAsync(() -> client.open(TIMEOUT), Executors.newVirtualThreadPerTaskExecutor());
    }
}
