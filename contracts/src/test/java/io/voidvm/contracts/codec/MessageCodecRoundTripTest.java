package io.voidvm.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.Payload;
import io.voidvm.contracts.SampleMessages;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.envelope.MessageType;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.OsType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MessageCodecRoundTripTest {

    private final MessageCodec codec = new MessageCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyMessageTypeSurvivesARoundTrip(MessageType type) {
        MessageEnvelope<?> sample = SampleMessages.sample(type);

        MessageEnvelope<Payload> decoded = codec.decode(codec.encode(sample));

        assertThat(decoded).isEqualTo(sample);
        assertThat(decoded.payload()).isInstanceOf(type.payloadClass());
        assertThat(codec.decode(codec.encodeToString(sample))).isEqualTo(sample);
    }

    @Test
    void envelopeFromTheFactoryRoundTripsWithSparseHeaders() {
        var envelopes = new Envelopes(Clock.fixed(Instant.parse("2025-05-05T05:05:05.555Z"), ZoneOffset.UTC));
        MessageEnvelope<CommandResult> reply = envelopes.of(CommandResult.succeeded(SampleMessages.MESSAGE_ID))
                .vmId(SampleMessages.VM_ID).build();

        byte[] encoded = codec.encode(reply);

        assertThat(json.readTree(encoded).propertyNames())
                .as("null headers and fields are omitted")
                .containsExactlyInAnyOrder("schemaVersion", "messageId", "type", "occurredAt", "vmId", "payload");
        assertThat(json.readTree(encoded).get("payload").propertyNames())
                .containsExactlyInAnyOrder("commandMessageId", "outcome");
        assertThat(codec.decode(encoded)).isEqualTo(reply);
    }

    @Test
    void typedDecodeReturnsTheExpectedFamily() {
        byte[] start = codec.encode(SampleMessages.sample(MessageType.VM_START));

        MessageEnvelope<VmCommand> command = codec.decode(start, VmCommand.class);

        assertThat(command.payload()).isEqualTo(new StartVm(8));
    }

    @Test
    void readersIgnoreUnknownFieldsAtEveryLevel() {
        MessageEnvelope<?> sample = SampleMessages.sample(MessageType.VM_DEFINE);
        ObjectNode root = (ObjectNode) json.readTree(codec.encode(sample));
        root.put("priority", "high");
        ObjectNode payload = (ObjectNode) root.get("payload");
        payload.putObject("annotations").put("owner", "ops");
        ObjectNode spec = (ObjectNode) payload.get("spec");
        spec.put("description", "added by a newer producer");
        ObjectNode firstDisk = (ObjectNode) spec.get("disks").get(0);
        firstDisk.put("cache", "none");
        ((ObjectNode) firstDisk.get("source")).put("pool", "fast");

        assertThat(codec.decode(json.writeValueAsBytes(root))).isEqualTo(sample);
    }

    @Test
    void anOsTypeThisReaderDoesNotKnowReadsAsOther() {
        ObjectNode root = (ObjectNode) json.readTree(codec.encode(SampleMessages.sample(MessageType.VM_DEFINE)));
        ((ObjectNode) root.get("payload").get("spec")).put("osType", "PLAN9");

        var decoded = codec.decode(json.writeValueAsBytes(root), DefineVm.class);

        assertThat(decoded.payload().spec().osType()).isEqualTo(OsType.OTHER);
    }

    @Test
    void diskSourcesCarryTheirKind() {
        var encoded = json.readTree(codec.encode(SampleMessages.sample(MessageType.VM_DEFINE)));
        var disks = encoded.get("payload").get("spec").get("disks");

        assertThat(disks.get(0).get("source").get("kind").stringValue()).isEqualTo("IMAGE");
        assertThat(disks.get(1).get("source").get("kind").stringValue()).isEqualTo("VOLUME");
        assertThat(disks.get(2).get("source").get("kind").stringValue()).isEqualTo("TEST_DISK");
        assertThat(codec.decode(json.writeValueAsBytes(encoded), DefineVm.class).payload().spec().disks())
                .extracting(d -> (Object) d.source().getClass())
                .containsExactly(DiskSource.Image.class, DiskSource.Volume.class, DiskSource.TestDisk.class);
    }
}
