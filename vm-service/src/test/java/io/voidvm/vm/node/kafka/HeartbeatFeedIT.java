package io.voidvm.vm.node.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeResources;
import io.voidvm.testsupport.kafka.KafkaFixture;
import io.voidvm.vm.it.VmServiceIT;
import io.voidvm.vm.node.app.HeartbeatFeed;
import io.voidvm.vm.node.domain.Hearing.Feed;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The heartbeat feed on the real broker: up to date once the group has taken every heartbeat, behind before. */
class HeartbeatFeedIT extends VmServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    HeartbeatFeed feed;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aHeartbeatNotTakenYetIsBehindAndTakenItIsUpToDate() throws Exception {
        await().atMost(WAIT).until(() -> feed.state().block() == Feed.UP_TO_DATE);
        MessageListenerContainer heartbeats = listeners.getListenerContainer("vm-service-heartbeats");
        heartbeats.pause();
        try (KafkaFixture kafka = new KafkaFixture()) {
            await().atMost(WAIT).until(heartbeats::isPauseRequested);
            String node = newNodeName();
            NodeResources resources = new NodeResources(2, 2048, 10);
            kafka.publish(envelopes.of(new NodeHeartbeat(node, resources, resources, false, "7.2.0", "test", false,
                    List.of(), Map.of(), Instant.now())).nodeName(node).build());

            await().atMost(WAIT).until(() -> feed.state().block() == Feed.BEHIND);
        } finally {
            heartbeats.resume();
        }
        await().atMost(WAIT).until(() -> feed.state().block() == Feed.UP_TO_DATE);
    }

    @Test
    void aBrokerThatDoesNotAnswerIsUnreachable() throws Exception {
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        KafkaHeartbeatFeed nowhere = new KafkaHeartbeatFeed(new KafkaAdmin(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + unused)));
        try {
            assertThat(nowhere.state().block(WAIT)).isEqualTo(Feed.UNREACHABLE);
        } finally {
            nowhere.destroy();
        }
    }
}
