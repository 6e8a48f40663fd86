package io.voidvm.vm.node.kafka;

import io.voidvm.contracts.topic.Topics;
import io.voidvm.vm.node.app.HeartbeatFeed;
import io.voidvm.vm.node.domain.Hearing.Feed;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The heartbeat feed as the broker tells it: UP_TO_DATE when the heartbeat group ({@link HeartbeatListener#GROUP})
 * has committed, after taking them, every heartbeat up to the end of each partition of the topic; BEHIND when
 * some wait; UNREACHABLE when the broker does not answer within {@link #ASK_TIMEOUT}. A topic that does not exist
 * yet (no agent ever ran) holds nothing to wait for.
 */
@Component
class KafkaHeartbeatFeed implements HeartbeatFeed, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaHeartbeatFeed.class);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    KafkaHeartbeatFeed(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "vm-service-heartbeat-feed");
        this.admin = Admin.create(config);
    }

    @Override
    public Mono<Feed> state() {
        return Mono.fromCallable(this::ask).subscribeOn(Schedulers.boundedElastic());
    }

    private Feed ask() throws InterruptedException {
        try {
            Map<TopicPartition, Long> ends = endOffsets();
            if (ends.isEmpty()) {
                return Feed.UP_TO_DATE;
            }
            Map<TopicPartition, OffsetAndMetadata> taken = admin.listConsumerGroupOffsets(HeartbeatListener.GROUP)
                    .partitionsToOffsetAndMetadata().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            boolean behind = ends.entrySet().stream().anyMatch(end -> {
                OffsetAndMetadata committed = taken.get(end.getKey());
                return (committed == null ? 0 : committed.offset()) < end.getValue();
            });
            return behind ? Feed.BEHIND : Feed.UP_TO_DATE;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("the broker did not say how far the heartbeats are taken: {}", e.toString());
            return Feed.UNREACHABLE;
        }
    }

    /** The end of every partition of the heartbeat topic; empty when the topic does not exist. */
    private Map<TopicPartition, Long> endOffsets() throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription topic;
        try {
            topic = admin.describeTopics(List.of(Topics.NODE_HEARTBEATS)).allTopicNames()
                    .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(Topics.NODE_HEARTBEATS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topic.partitions().forEach(partition ->
                latest.put(new TopicPartition(Topics.NODE_HEARTBEATS, partition.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> found = admin.listOffsets(latest).all()
                .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        found.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
