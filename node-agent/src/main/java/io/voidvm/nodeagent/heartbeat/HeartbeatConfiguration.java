package io.voidvm.nodeagent.heartbeat;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.nodeagent.NodeAgentApplication;
import io.voidvm.nodeagent.config.NodeAgentProperties;
import io.voidvm.nodeagent.heartbeat.domain.HeartbeatFactory;
import io.voidvm.nodeagent.host.domain.HostProbe;
import io.voidvm.nodeagent.runtime.VmRuntimes;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the heartbeat: host probe, factory, envelope and the compacted topic it goes to. */
@Configuration(proxyBeanMethods = false)
class HeartbeatConfiguration {

    @Bean
    MessageCodec messageCodec() {
        return new MessageCodec();
    }

    @Bean
    Envelopes envelopes(Clock clock) {
        return new Envelopes(clock);
    }

    /** Compacted: a newcomer reads the latest heartbeat of every node from the start of the topic. */
    @Bean
    NewTopic nodeHeartbeatsTopic() {
        return TopicBuilder.name(Topics.NODE_HEARTBEATS).compact().build();
    }

    @Bean
    HeartbeatFactory heartbeatFactory(NodeAgentProperties properties, Clock clock) {
        String version = Objects.requireNonNullElse(NodeAgentApplication.class.getPackage().getImplementationVersion(),
                "dev");
        return new HeartbeatFactory(properties.nodeName(), version, properties.accelerator(),
                properties.reservedCpus(), properties.reservedMemoryMb(), properties.labels(), clock);
    }

    @Bean
    HeartbeatPublisher heartbeatPublisher(HostProbe host, HeartbeatFactory factory, Envelopes envelopes,
            MessageCodec codec, KafkaTemplate<String, byte[]> kafka, NodeAgentProperties properties,
            ObjectProvider<VmRuntimes> runtimes) {
        // The runtime reports which VMs have a live QEMU; without it (e.g. a heartbeat-only slice) the list is empty.
        return new HeartbeatPublisher(host, factory, envelopes, codec, kafka, properties.heartbeatInterval(),
                () -> runtimes.stream().findFirst().map(VmRuntimes::liveVmIds).orElse(List.of()));
    }
}
