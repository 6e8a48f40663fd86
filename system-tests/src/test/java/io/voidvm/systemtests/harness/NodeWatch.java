package io.voidvm.systemtests.harness;

import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.testsupport.kafka.KafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * When vm-service knows a node is there: a heartbeat the node sent after a given moment is on the heartbeat topic,
 * and vm-service's heartbeat consumer has committed past it (it commits after processing). Then placement may use
 * the node. The consumer groups that count are the stable ones named {@value #VM_SERVICE_GROUPS}... that have an
 * offset on the heartbeat topic (today one, {@code vm-service-heartbeats}, the listener's id; a group per process
 * would count as well); groups of dead processes are empty, not stable, and do not count.
 *
 * <p>(Once {@code GET /api/v1/nodes} exists, its node state says the same more directly.)
 */
final class NodeWatch {

    static final String VM_SERVICE_GROUPS = "vm-service";
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaBroker kafka;
    private final TopicTap topics;
    private final MessageCodec codec = new MessageCodec();

    NodeWatch(KafkaBroker kafka, TopicTap topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    void awaitSeen(String node, Instant since, Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>("nothing checked yet");
        try {
            await().atMost(timeout).pollInterval(POLL).until(() -> {
                try {
                    Optional<ConsumerRecord<String, byte[]>> heartbeat = heartbeatSince(node, since);
                    if (heartbeat.isEmpty()) {
                        last.set("no heartbeat of " + node + " sent after " + since + " on " + Topics.NODE_HEARTBEATS);
                        return false;
                    }
                    return consumedByVmService(heartbeat.get(), last);
                } catch (Exception | AssertionError e) {
                    last.set(e.toString());
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("vm-service did not take a heartbeat of node " + node + " sent after " + since
                    + " within " + timeout + "; last seen: " + last.get(), e);
        }
    }

    private Optional<ConsumerRecord<String, byte[]>> heartbeatSince(String node, Instant since) {
        List<ConsumerRecord<String, byte[]>> records = topics.readAll(Topics.NODE_HEARTBEATS);
        for (int i = records.size() - 1; i >= 0; i--) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            if (node.equals(record.key()) && record.value() != null
                    && !codec.decode(record.value(), NodeHeartbeat.class).payload().sentAt().isBefore(since)) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    private boolean consumedByVmService(ConsumerRecord<String, byte[]> heartbeat, AtomicReference<String> last)
            throws Exception {
        TopicPartition partition = new TopicPartition(heartbeat.topic(), heartbeat.partition());
        try (Admin admin = kafka.admin()) {
            List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()
                            .inGroupStates(Set.of(GroupState.STABLE))).all().get(10, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).filter(id -> id.startsWith(VM_SERVICE_GROUPS)).toList();
            int readers = 0;
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                if (committed.keySet().stream().noneMatch(p -> p.topic().equals(Topics.NODE_HEARTBEATS))) {
                    continue;
                }
                readers++;
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null || offset.offset() <= heartbeat.offset()) {
                    last.set("heartbeat at " + partition + "@" + heartbeat.offset() + ", group " + group
                            + " committed " + (offset == null ? "nothing there" : offset.offset()));
                    return false;
                }
            }
            last.set("no stable vm-service consumer group has read " + Topics.NODE_HEARTBEATS + " (stable: "
                    + groups + ")");
            return readers > 0;
        }
    }
}
