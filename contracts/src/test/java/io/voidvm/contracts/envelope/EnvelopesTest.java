package io.voidvm.contracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.Payload;
import io.voidvm.contracts.SampleMessages;
import io.voidvm.contracts.metrics.NodeMetricsSample;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopesTest {

    private static final Instant NOW = Instant.parse("2025-04-01T08:30:00.250Z");
    private final Envelopes envelopes = new Envelopes(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void builderFillsIdTimeTypeAndVersionFromTheClock() {
        MessageEnvelope<StartVm> envelope = envelopes.of(new StartVm(3))
                .vmId(SampleMessages.VM_ID).nodeName("node-1").tenantId("acme")
                .correlationId(SampleMessages.OPERATION_ID).traceparent(SampleMessages.TRACEPARENT)
                .build();

        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.type()).isEqualTo("vm.command.start");
        assertThat(envelope.messageType()).isEqualTo(MessageType.VM_START);
        assertThat(envelope.occurredAt()).isEqualTo(NOW);
        assertThat(envelope.messageId().version()).isEqualTo(7);
        assertThat(MessageIds.timestampOf(envelope.messageId())).isEqualTo(NOW);
        assertThat(envelope.tenantId()).isEqualTo("acme");
        assertThat(envelope.correlationId()).isEqualTo(SampleMessages.OPERATION_ID);
        assertThat(envelope.traceparent()).isEqualTo(SampleMessages.TRACEPARENT);
    }

    @Test
    void everyBuiltEnvelopeGetsItsOwnId() {
        var first = envelopes.of(new StartVm(3)).vmId(SampleMessages.VM_ID).nodeName("node-1").build();
        var second = envelopes.of(new StartVm(3)).vmId(SampleMessages.VM_ID).nodeName("node-1").build();

        assertThat(second.messageId()).isNotEqualTo(first.messageId());
    }

    @Test
    void aReplyInheritsTenantVmOperationAndTrace() {
        var command = SampleMessages.sample(MessageType.VM_START);

        var reply = envelopes.of(CommandResult.succeeded(command.messageId()))
                .inResponseTo(command).nodeName("node-1").build();

        assertThat(reply.tenantId()).isEqualTo(command.tenantId());
        assertThat(reply.vmId()).isEqualTo(command.vmId());
        assertThat(reply.correlationId()).isEqualTo(command.correlationId());
        assertThat(reply.traceparent()).isEqualTo(command.traceparent());
        assertThat(reply.messageId()).isNotEqualTo(command.messageId());
    }

    @Test
    void vmTrafficNeedsAVmIdAndCommandsNeedATargetNode() {
        assertThatThrownBy(() -> envelopes.of(new StartVm(1)).nodeName("node-1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a vmId");
        assertThatThrownBy(() -> envelopes.of(new StartVm(1)).vmId(UUID.randomUUID()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a nodeName");
        var event = new VmStatusChanged(VmStatus.RUNNING, null, 1, NOW);
        assertThat(envelopes.of(event).vmId(UUID.randomUUID()).build().nodeName()).isNull();
    }

    @Test
    void nodeTrafficNeedsAValidNodeName() {
        var sample = new NodeMetricsSample(1, 0, 0, 0, 1, 2, 3, 4, NOW);

        assertThatThrownBy(() -> envelopes.of(sample).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a nodeName");
        assertThatThrownBy(() -> envelopes.of(sample).nodeName("Node.1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DNS label");
    }

    @Test
    void constructorRejectsATypeThatDoesNotMatchThePayload() {
        assertThatThrownBy(() -> new MessageEnvelope<>(1, UUID.randomUUID(), "vm.command.stop", NOW, null,
                UUID.randomUUID(), "node-1", null, null, new StartVm(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match payload StartVm");
    }

    @Test
    void constructorRejectsUnsupportedSchemaVersionsAndBlankTenants() {
        assertThatThrownBy(() -> new MessageEnvelope<>(2, UUID.randomUUID(), "vm.command.start", NOW, null,
                UUID.randomUUID(), "node-1", null, null, new StartVm(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> envelopes.of(new StartVm(1)).tenantId(" ").vmId(UUID.randomUUID())
                .nodeName("node-1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenantId");
    }

    @Test
    void unregisteredPayloadsAreRejected() {
        Payload stray = new Payload() { };

        assertThatThrownBy(() -> MessageType.of(stray))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a registered payload");
    }
}
