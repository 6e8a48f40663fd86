package io.voidvm.nodeagent.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A QEMU that floods events while its listener is stuck: bounded memory, a reader that keeps going, a gap. */
class QmpEventFloodTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BUFFER = 8;
    private static final int FLOOD = 1_000;

    @TempDir
    Path dir;
    FakeQmpServer qemu;
    QmpClient client;
    final List<String> heard = new CopyOnWriteArrayList<>();
    final CountDownLatch stuck = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        qemu = FakeQmpServer.start(dir);
        client = new QmpClient(qemu.socket(), BUFFER);
        client.addListener(new QmpListener() {
            @Override
            public void onEvent(QmpEvent event) {
                heard.add(event.name());
                if (event.name().equals("FIRST")) {
                    stuck.countDown();
                    awaitQuietly(release);
                }
            }

            @Override
            public void onEventsDropped(long count) {
                heard.add("dropped " + count);
            }

            @Override
            public void onDisconnected(QmpDisconnectedException cause) {
                heard.add("disconnected");
            }
        });
        QmpClientTest.open(client, qemu);
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        client.close();
        qemu.close();
    }

    @Test
    void aFloodKeepsAtMostTheBufferTheReaderAnswersCallsAndTheGapIsDeliveredInOrder() {
        qemu.event("FIRST", null, Instant.now());
        awaitQuietly(stuck);
        for (int i = 0; i < FLOOD; i++) {
            qemu.event("E" + i, "{\"n\": " + i + "}", Instant.now());
        }

        // the reply comes after the flood on the socket: once it is matched, every event was read
        CompletableFuture<JsonNode> call = client.executeAsync("query-status", Map.of(), TIMEOUT);
        qemu.reply(qemu.expect("query-status"), "{\"status\": \"running\", \"running\": true}");
        assertThat(call).succeedsWithin(TIMEOUT);
        assertThat(client.bufferedEvents()).isEqualTo(BUFFER);
        assertThat(client.droppedEvents()).isEqualTo(FLOOD - BUFFER);

        release.countDown();
        await().atMost(TIMEOUT).until(() -> heard.contains("dropped " + (FLOOD - BUFFER)));
        qemu.event("AFTER", null, Instant.now());
        qemu.closeConnection();

        await().atMost(TIMEOUT).until(() -> heard.contains("disconnected"));
        List<String> expected = new ArrayList<>(List.of("FIRST"));
        IntStream.range(0, BUFFER).forEach(i -> expected.add("E" + i));
        expected.addAll(List.of("dropped " + (FLOOD - BUFFER), "AFTER", "disconnected"));
        assertThat(heard).containsExactlyElementsOf(expected);
    }

    @Test
    void theEndIsDeliveredAfterAGapEvenWhenTheBufferIsStillFull() {
        qemu.event("FIRST", null, Instant.now());
        awaitQuietly(stuck);
        for (int i = 0; i < BUFFER + 3; i++) {
            qemu.event("E" + i, null, Instant.now());
        }
        CompletableFuture<JsonNode> call = client.executeAsync("query-status", Map.of(), TIMEOUT);
        qemu.reply(qemu.expect("query-status"), "{\"status\": \"running\", \"running\": true}");
        assertThat(call).succeedsWithin(TIMEOUT);

        client.close();
        release.countDown();

        await().atMost(TIMEOUT).until(() -> heard.contains("disconnected"));
        assertThat(heard).endsWith("E" + (BUFFER - 1), "dropped 3", "disconnected");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
