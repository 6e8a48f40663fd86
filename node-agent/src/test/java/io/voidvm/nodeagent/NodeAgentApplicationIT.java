package io.voidvm.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.nodeagent.host.domain.HostTextParsers;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole agent against the real Kafka broker from test-support, on this real host. */
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voidvm.nodeagent.node-name=" + NodeAgentApplicationIT.NODE,
        "voidvm.nodeagent.state-dir=target/it-node-agent",
        "voidvm.nodeagent.heartbeat-interval=300ms",
        "voidvm.nodeagent.reserved-memory-mb=256"})
@AutoConfigureWebTestClient
class NodeAgentApplicationIT {

    static final String NODE = "it-node";

    @Autowired
    WebTestClient client;

    @Test
    void livenessAndReadinessAreUp() {
        for (String probe : new String[] {"liveness", "readiness"}) {
            client.get().uri("/actuator/health/" + probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheusExposesMetrics() {
        String body = client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"node-agent\"");
    }

    @Test
    void theVmBlockDevicesEndpointIsNotExposedUnlessConfigured() {
        client.get().uri("/actuator/vmblockdevices/" + UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void heartbeatsDescribingThisHostArriveOnTheBroker(KafkaBroker broker) throws Exception {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(broker)) {
            consumer.subscribe(List.of(Topics.NODE_HEARTBEATS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (NODE.equals(record.key())) {
                        mine.add(record);
                    }
                });
                return mine.size() >= 2;
            });
        }

        MessageEnvelope<NodeHeartbeat> envelope =
                new MessageCodec().decode(mine.getLast().value(), NodeHeartbeat.class);
        NodeHeartbeat heartbeat = envelope.payload();
        long memTotalMb = HostTextParsers.memTotalMb(Files.readString(Path.of("/proc/meminfo")));
        Path kvm = Path.of("/dev/kvm");
        assertThat(envelope.nodeName()).isEqualTo(NODE);
        assertThat(heartbeat.nodeName()).isEqualTo(NODE);
        // the host's own CPUs, whatever the JVM was told (-XX:ActiveProcessorCount does not change them)
        assertThat(heartbeat.capacity().vCpus())
                .isEqualTo(HostTextParsers.onlineCpus(Files.readString(Path.of("/sys/devices/system/cpu/online"))));
        assertThat(heartbeat.capacity().memoryMb()).isEqualTo(memTotalMb);
        assertThat(heartbeat.capacity().diskGb()).isPositive();
        assertThat(heartbeat.allocatable().memoryMb()).isEqualTo(memTotalMb - 256);
        assertThat(heartbeat.kvmAvailable()).isEqualTo(Files.isReadable(kvm) && Files.isWritable(kvm));
        assertThat(heartbeat.qemuVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(mine.getFirst().timestamp()).isLessThan(mine.getLast().timestamp());

        try (Admin admin = broker.admin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.NODE_HEARTBEATS);
            Config config = admin.describeConfigs(Set.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badNodeNameFailsStartUpNamingTheProperty(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(NodeAgentApplication.class);
        assertThatThrownBy(() -> app.run("--server.port=0", "--voidvm.nodeagent.node-name=Node_1").close())
                .hasStackTraceContaining("voidvm.nodeagent.node-name");
        assertThat(output).contains("voidvm.nodeagent.node-name").contains("must be a DNS label");
    }

    private static KafkaConsumer<String, byte[]> consumer(KafkaBroker broker) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
