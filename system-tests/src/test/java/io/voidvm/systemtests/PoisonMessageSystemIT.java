package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.topic.Topics;
import io.voidvm.systemtests.harness.BootApp;
import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.VoidvmApi;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Poison messages injected straight into Kafka on the real platform (docs/dead-letters.md): vm-service (on
 * {@code voidvm.vm.events}) and a node agent (on its command topic) each write one WARN line naming the record,
 * count it in {@code voidvm_kafka_dead_letters_total{topic, reason}}, move it to the dead-letter topic where the
 * admin API shows it, and go on consuming: a VM still starts afterwards.
 */
@RequiresQemu
@OnSharedPlatform
class PoisonMessageSystemIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SharedPlatform platform;

    @BeforeAll
    static void platform(SharedPlatform shared) {
        platform = shared;
    }

    @Test
    void aPoisonVmEventIsLoggedCountedShownAndVmServiceGoesOn() throws Exception {
        assertPoisonHandled(platform.service(SharedPlatform.VM_SERVICE), Topics.VM_EVENTS);
        var alice = platform.newTenant("poison").vms();
        UUID vm = alice.createDefined("after-poison", SharedPlatform.GUEST_MEMORY_MB);
        alice.succeed(vm, "start");
        alice.deleteAndForget(vm);
    }

    @Test
    void aPoisonCommandIsLoggedCountedAndShownByTheNodeAgent() throws Exception {
        PlatformNode node = platform.nodes().getFirst();
        assertPoisonHandled(node.agent(), node.commandTopic());
    }

    private static void assertPoisonHandled(BootApp consumer, String topic) throws Exception {
        String key = "poison-" + UUID.randomUUID();
        double before = deadLetters(consumer, topic);
        platform.topics().publishRaw(topic, key, "{\"not\": \"an envelope\"".getBytes(StandardCharsets.UTF_8));

        await("the dead letter counted by " + consumer).atMost(WAIT)
                .until(() -> deadLetters(consumer, topic) == before + 1);
        await("the dead letter's WARN line in " + consumer + "'s log").atMost(WAIT)
                .until(() -> Files.readAllLines(consumer.logFile()).stream()
                        .anyMatch(line -> line.contains("dead letter: " + topic + "-") && line.contains(key)
                                && line.contains("sent to " + topic + ".dlt, reason MALFORMED")));
        JsonNode record = await("the record in the admin API").atMost(WAIT).ignoreExceptions()
                .until(() -> deadLetter(topic + ".dlt", key), found -> found != null);
        assertThat(record.path("failure").path("reason").asString()).isEqualTo("MALFORMED");
        assertThat(record.path("original").path("topic").asString()).isEqualTo(topic);
    }

    /** {@code voidvm_kafka_dead_letters_total} for {@code topic} and reason MALFORMED, from the consumer's metrics. */
    private static double deadLetters(BootApp consumer, String topic) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(consumer.baseUrl() + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines()
                .filter(line -> line.startsWith("voidvm_kafka_dead_letters_total{")
                        && line.contains("topic=\"" + topic + "\"") && line.contains("reason=\"MALFORMED\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The dead letter with {@code key} on {@code deadLetterTopic}, through the gateway as an admin; null if none. */
    private static JsonNode deadLetter(String deadLetterTopic, String key) {
        VoidvmApi admin = platform.platformApi();
        String cursor = null;
        do {
            JsonNode page = admin.call("GET", "/api/v1/dead-letters/" + deadLetterTopic + "/records?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null)
                    .expect(200).body();
            for (JsonNode record : page.path("items")) {
                if (key.equals(record.path("key").asString(null))) {
                    return record;
                }
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString(null);
        } while (cursor != null);
        return null;
    }
}
