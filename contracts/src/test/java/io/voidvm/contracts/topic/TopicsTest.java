package io.voidvm.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.SampleMessages;
import io.voidvm.contracts.envelope.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void fixedTopicNames() {
        assertThat(Topics.VM_EVENTS).isEqualTo("voidvm.vm.events");
        assertThat(Topics.VM_METRICS).isEqualTo("voidvm.vm.metrics");
        assertThat(Topics.NODE_HEARTBEATS).isEqualTo("voidvm.node.heartbeats");
        assertThat(Topics.NODE_METRICS).isEqualTo("voidvm.node.metrics");
        assertThat(Topics.NODE_OBSERVED_STATE).isEqualTo("voidvm.node.observed-state");
    }

    @ParameterizedTest
    @ValueSource(strings = {"node-1", "n", "kvm01", "a23456789012345678901234567890123456789012345678901234567890123"})
    void commandTopicPerNode(String node) {
        assertThat(Topics.nodeCommands(node)).isEqualTo("voidvm.node." + node + ".commands");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Node-1", "-node", "node-", "node.1", "node_1", "node/1", " node", "node 1", "nöde",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void nodeNamesThatAreNotDnsLabelsAreRejected(String node) {
        assertThatThrownBy(() -> Topics.nodeCommands(node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DNS label");
    }

    @Test
    void deadLetterTopics() {
        assertThat(Topics.deadLetter(Topics.VM_EVENTS)).isEqualTo("voidvm.vm.events.dlt");
        assertThat(Topics.deadLetter(Topics.nodeCommands("node-1"))).isEqualTo("voidvm.node.node-1.commands.dlt");
        assertThatThrownBy(() -> Topics.deadLetter("voidvm.vm.events.dlt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetter(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void vmTrafficIsKeyedByVmIdNodeTrafficByNodeNameVolumeTrafficByVolumeId(MessageType type) {
        var envelope = SampleMessages.sample(type);

        String expectedKey = switch (type.category().key()) {
            case VM -> SampleMessages.VM_ID.toString();
            case NODE -> SampleMessages.NODE;
            case VOLUME -> SampleMessages.VOLUME_ID.toString();
        };
        assertThat(Topics.partitionKey(envelope)).isEqualTo(expectedKey);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void eachMessageGoesToItsCategoryTopic(MessageType type) {
        String expected = switch (type.category()) {
            case VM_COMMAND, VOLUME_COMMAND -> "voidvm.node.node-1.commands";
            case VOLUME_EVENT -> "voidvm.volume.events";
            case VM_EVENT -> "voidvm.vm.events";
            case VM_METRICS -> "voidvm.vm.metrics";
            case NODE_HEARTBEAT -> "voidvm.node.heartbeats";
            case NODE_METRICS -> "voidvm.node.metrics";
            case NODE_OBSERVED_STATE -> "voidvm.node.observed-state";
        };

        assertThat(Topics.topicFor(SampleMessages.sample(type))).isEqualTo(expected);
    }
}
