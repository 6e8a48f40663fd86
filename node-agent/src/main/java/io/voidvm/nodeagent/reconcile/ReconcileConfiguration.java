package io.voidvm.nodeagent.reconcile;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.nodeagent.config.NodeAgentProperties;
import io.voidvm.nodeagent.runtime.VmRuntimes;
import io.voidvm.nodeagent.volume.AccessTokens;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the reconcile loop: vm-service's desired state over HTTP (as the platform client that blob downloads use
 * too), the full report to Kafka.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileConfiguration {

    @Bean
    DesiredStateSource desiredStateSource(ReconcileProperties properties, AccessTokens tokens, Clock clock) {
        return new HttpDesiredStateSource(properties.vmServiceUrl(), tokens, properties.fetchTimeout(),
                properties.commandGrace(), clock);
    }

    @Bean
    ObservedStateSink observedStateSink(Envelopes envelopes, MessageCodec codec, KafkaTemplate<String, byte[]> kafka) {
        return new KafkaObservedStateSink(envelopes, codec, kafka);
    }

    @Bean
    NewTopic nodeObservedStateTopic() {
        return TopicBuilder.name(Topics.NODE_OBSERVED_STATE)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Topics.NODE_OBSERVED_STATE_RETENTION.toMillis()))
                .build();
    }

    @Bean
    Reconciler reconciler(NodeAgentProperties node, VmRuntimes runtimes, DesiredStateSource source,
            ObservedStateSink reports, ReconcileProperties properties, Clock clock) {
        return new Reconciler(node.nodeName(), runtimes, source, reports, properties, clock);
    }
}
