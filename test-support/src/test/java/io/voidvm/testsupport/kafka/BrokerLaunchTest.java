package io.voidvm.testsupport.kafka;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerLaunchTest {

    private final KafkaBroker.Settings settings =
            new KafkaBroker.Settings(Path.of("/data/kafka"), 9092, 9093, Path.of("/data/broker.log"));

    @Test
    void serverPropertiesDescribeOneCombinedNodeOnLoopback() {
        String properties = BrokerLaunch.serverProperties(settings);

        assertThat(properties.lines()).contains(
                "process.roles=broker,controller",
                "controller.quorum.bootstrap.servers=127.0.0.1:9093",
                "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
                "log.dirs=/data/kafka/kafka-logs",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0");
    }

    @Test
    void unsafeMemoryAccessFlagOnlyForJava24AndLater() {
        Path log4j = Path.of("/l.xml");
        List<String> on21 = BrokerLaunch.javaCommand(Path.of("java"), 21, "a.jar", log4j, "M", List.of("x"));
        List<String> on25 = BrokerLaunch.javaCommand(Path.of("java"), 25, "a.jar", log4j, "M", List.of("x"));

        assertThat(on21).doesNotContain("--sun-misc-unsafe-memory-access=allow").endsWith("-cp", "a.jar", "M", "x");
        assertThat(on25).contains("--sun-misc-unsafe-memory-access=allow").endsWith("-cp", "a.jar", "M", "x");
    }

    @Test
    void settingsRejectOnePortForBothListeners() {
        assertThatThrownBy(() -> new KafkaBroker.Settings(Path.of("d"), 9092, 9092, Path.of("l")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must differ");
    }
}
