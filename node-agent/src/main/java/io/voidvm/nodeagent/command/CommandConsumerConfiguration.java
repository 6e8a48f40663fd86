package io.voidvm.nodeagent.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.Payload;
import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.kafkakit.DeadLetterReasons;
import io.voidvm.kafkakit.DeadLetters;
import io.voidvm.nodeagent.config.NodeAgentProperties;
import io.voidvm.nodeagent.runtime.VmEventSink;
import io.voidvm.nodeagent.runtime.VmRuntimes;
import io.voidvm.nodeagent.volume.VolumeCommands;
import io.voidvm.nodeagent.volume.VolumeEventSink;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The command consumer and the event producer of this node. The consumer is built here rather than from
 * {@code spring.kafka.consumer.*} because its group, deserializers and error handling are part of the
 * agent's contract, not deployment settings.
 */
@Configuration(proxyBeanMethods = false)
class CommandConsumerConfiguration {

    @Bean
    VmEventSink kafkaVmEventSink(NodeAgentProperties node, Envelopes envelopes, MessageCodec codec,
            KafkaTemplate<String, byte[]> kafka) {
        return new KafkaVmEventSink(node.nodeName(), envelopes, codec, kafka);
    }

    @Bean
    VolumeEventSink kafkaVolumeEventSink(NodeAgentProperties node, Envelopes envelopes, MessageCodec codec,
            KafkaTemplate<String, byte[]> kafka) {
        return new KafkaVolumeEventSink(node.nodeName(), envelopes, codec, kafka);
    }

    @Bean
    NewTopic volumeEventsTopic() {
        return TopicBuilder.name(Topics.VOLUME_EVENTS).build();
    }

    @Bean
    NewTopic nodeCommandsTopic(NodeAgentProperties node) {
        return TopicBuilder.name(Topics.nodeCommands(node.nodeName())).build();
    }

    @Bean
    NewTopic nodeCommandsDeadLetterTopic(NodeAgentProperties node) {
        return TopicBuilder.name(Topics.deadLetter(Topics.nodeCommands(node.nodeName()))).build();
    }

    @Bean
    ConcurrentMessageListenerContainer<String, MessageEnvelope<Payload>> nodeCommandsContainer(
            NodeAgentProperties node, KafkaProperties kafka, MessageCodec codec, VmRuntimes runtimes,
            VolumeCommands volumes, MeterRegistry registry) {
        String group = "node-agent-" + node.nodeName();
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        // static membership: a restarted agent takes its old place at once instead of waiting out the session
        // timeout of the member that died with the old process
        consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, group);
        // commands sent before this node's first start are still owed to it
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var consumerFactory = new DefaultKafkaConsumerFactory<String, MessageEnvelope<Payload>>(consumer,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new NodeCommandDeserializer(codec)));

        ContainerProperties properties = new ContainerProperties(Topics.nodeCommands(node.nodeName()));
        properties.setGroupId(group);
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener(new CommandListener(node.nodeName(), runtimes, volumes));
        var container = new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        container.setBeanName("node-commands");
        container.setCommonErrorHandler(errorHandler(kafka, codec, registry));
        return container;
    }

    /**
     * Poison (undecodable, misrouted) goes to {@code <topic>.dlt} at once; anything else, such as a disk
     * refusing the spec file, is retried with back-off first. Every dead letter is logged and counted.
     */
    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, MessageCodec codec, MeterRegistry registry) {
        var producerFactory = new DefaultKafkaProducerFactory<String, Object>(kafka.buildProducerProperties(),
                new StringSerializer(), new DeadLetterSerializer(codec));
        return DeadLetters.errorHandler(new KafkaTemplate<>(producerFactory), registry,
                DeadLetterReasons.contracts().and(MisroutedCommandException.class, "MISROUTED"));
    }
}
