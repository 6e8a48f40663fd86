package io.voidvm.nodeagent.qmp;

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
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** The protocol as it goes right: handshake, correlation, events. Failures are in {@link QmpClientFailureTest}. */
class QmpClientTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    FakeQmpServer qemu;
    QmpClient client;
    final List<QmpEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        qemu = FakeQmpServer.start(dir);
        client = new QmpClient(qemu.socket());
        client.addListener(events::add);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        qemu.close();
    }

    /** Opens the client on another thread while the fake server plays the handshake on this one. */
    static QmpGreeting open(QmpClient client, FakeQmpServer qemu) {
        CompletableFuture<QmpGreeting> opening = CompletableFuture.supplyAsync(
                () -> client.open(TIMEOUT), Executors.newVirtualThreadPerTaskExecutor());
        qemu.handshake();
        return opening.join();
    }

    @Test
    void handshakeReadsTheGreetingAndNegotiatesCapabilitiesBeforeAnythingElse() {
        assertThat(client.state()).isEqualTo(QmpState.IDLE);

        QmpGreeting greeting = open(client, qemu);

        assertThat(greeting.version()).isEqualTo(new QemuVersion(7, 2, 22, "fake"));
        assertThat(greeting.capabilities()).containsExactly("oob");
        assertThat(client.greeting()).isEqualTo(greeting);
        assertThat(client.state()).isEqualTo(QmpState.RUNNING);
        assertThat(qemu.receivedNothingElse()).isTrue();
    }

    @Test
    void commandsCarryArgumentsAndAnIdAndGetTheirReturnValue() {
        open(client, qemu);

        CompletableFuture<JsonNode> call = client.executeAsync("human-monitor-command",
                Map.of("command-line", "info status"), TIMEOUT);
        FakeQmpServer.Command command = qemu.expect("human-monitor-command");
        qemu.reply(command, "\"VM status: running\"");

        assertThat(command.id()).isNotBlank();
        assertThat(command.arguments().path("command-line").asString()).isEqualTo("info status");
        assertThat(call.join().asString()).isEqualTo("VM status: running");
    }

    @Test
    void repliesAreMatchedByIdWhenTheyArriveOutOfOrder() {
        open(client, qemu);

        CompletableFuture<JsonNode> first = client.executeAsync("query-name", Map.of(), TIMEOUT);
        FakeQmpServer.Command firstSent = qemu.expect("query-name");
        CompletableFuture<JsonNode> second = client.executeAsync("query-uuid", Map.of(), TIMEOUT);
        FakeQmpServer.Command secondSent = qemu.expect("query-uuid");
        CompletableFuture<JsonNode> third = client.executeAsync("query-kvm", Map.of(), TIMEOUT);
        FakeQmpServer.Command thirdSent = qemu.expect("query-kvm");

        qemu.reply(thirdSent, "{\"enabled\": false}");
        qemu.reply(firstSent, "{\"name\": \"vm-1\"}");
        qemu.reply(secondSent, "{\"UUID\": \"u-2\"}");

        assertThat(List.of(firstSent.id(), secondSent.id(), thirdSent.id())).doesNotHaveDuplicates();
        assertThat(first.join().path("name").asString()).isEqualTo("vm-1");
        assertThat(second.join().path("UUID").asString()).isEqualTo("u-2");
        assertThat(third.join().path("enabled").asBoolean(true)).isFalse();
    }

    @Test
    void anEventBeforeTheReplyToItsCommandReachesListenersAndTheCallStillCompletes() {
        open(client, qemu);
        Instant at = Instant.parse("2025-01-02T03:04:05.123456Z");

        CompletableFuture<JsonNode> stop = client.executeAsync("stop", Map.of(), TIMEOUT);
        FakeQmpServer.Command sent = qemu.expect("stop");
        qemu.event("STOP", null, at);
        qemu.reply(sent, "{}");

        assertThat(stop.join().isEmpty()).isTrue();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events).hasSize(1));
        QmpEvent event = events.getFirst();
        assertThat(event.name()).isEqualTo("STOP");
        assertThat(event.timestamp()).isEqualTo(at);
        assertThat(event.data().isObject()).isTrue();
    }

    @Test
    void eventsKeepTheirOrderAndData() {
        open(client, qemu);
        Instant at = Instant.parse("2025-01-02T03:04:05Z");

        qemu.event("RESET", "{\"guest\": true, \"reason\": \"guest-reset\"}", at);
        qemu.event("RESUME", null, at.plusSeconds(1));
        qemu.event("SHUTDOWN", "{\"guest\": true, \"reason\": \"guest-shutdown\"}", at.plusSeconds(2));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events).extracting(QmpEvent::name)
                .containsExactly("RESET", "RESUME", "SHUTDOWN"));
        assertThat(events.getFirst().data().path("reason").asString()).isEqualTo("guest-reset");
        assertThat(QmpLifecycleEvent.from(events.get(2)))
                .contains(new QmpLifecycleEvent.Shutdown(at.plusSeconds(2), true, "guest-shutdown"));
    }

    @Test
    void aListenerMayCallBackIntoTheSessionBecauseEventsAreNotDeliveredOnTheReaderThread() {
        open(client, qemu);
        CompletableFuture<String> statusSeenByListener = new CompletableFuture<>();
        client.addListener(event -> {
            if (event.name().equals("STOP")) {
                statusSeenByListener.complete(client.execute("query-status", TIMEOUT).path("status").asString());
            }
        });

        qemu.event("STOP", null, Instant.now());
        qemu.reply(qemu.expect("query-status"), "{\"status\": \"paused\", \"running\": false}");

        assertThat(statusSeenByListener).succeedsWithin(TIMEOUT).isEqualTo("paused");
    }

    @Test
    void aFailingListenerDoesNotStopDeliveryToOthers() {
        open(client, qemu);
        client.addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        List<QmpEvent> later = new CopyOnWriteArrayList<>();
        client.addListener(later::add);

        qemu.event("RESUME", null, Instant.now());
        qemu.event("STOP", null, Instant.now());

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(later).extracting(QmpEvent::name)
                .containsExactly("RESUME", "STOP"));
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        open(client, qemu);
        List<QmpEvent> removed = new CopyOnWriteArrayList<>();
        QmpSession.Registration registration = client.addListener(removed::add);
        registration.close();

        qemu.event("RESUME", null, Instant.now());

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events).hasSize(1));
        assertThat(removed).isEmpty();
    }

    @Test
    void closingTheClientEndsTheSessionAndLaterCallsFailAtOnce() {
        open(client, qemu);

        client.close();

        assertThat(client.state()).isEqualTo(QmpState.CLOSED);
        assertThatThrownBy(() -> client.execute("query-status", TIMEOUT))
                .isInstanceOf(QmpDisconnectedException.class)
                .hasMessageContaining("closed by the agent");
        assertThatThrownBy(() -> client.open(TIMEOUT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void callsBeforeOpenAreRefused() {
        assertThatThrownBy(() -> client.executeAsync("query-status", Map.of(), TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not open");
    }
}
