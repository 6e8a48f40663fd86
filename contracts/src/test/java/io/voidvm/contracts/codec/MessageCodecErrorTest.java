package io.voidvm.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.voidvm.contracts.SampleMessages;
import io.voidvm.contracts.envelope.MessageType;
import io.voidvm.contracts.vm.command.VmCommand;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every way a record can be unreadable ends in a typed, non-retryable {@link ContractException}. */
class MessageCodecErrorTest {

    private final MessageCodec codec = new MessageCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"schemaVersion\":1,", "[1,2]", "\"text\"", "null",
            "{\"schemaVersion\":1} trailing"})
    void syntaxErrorsAndNonObjectsAreMalformed(String input) {
        assertThatThrownBy(() -> codec.decode(input))
                .isInstanceOf(MalformedMessageException.class)
                .extracting(e -> ((ContractException) e).reason()).isEqualTo(ContractException.Reason.MALFORMED);
    }

    @Test
    void missingOrNonIntegerSchemaVersionIsMalformed() {
        assertMalformed(root -> root.remove("schemaVersion"), "schemaVersion");
        assertMalformed(root -> root.put("schemaVersion", "1"), "schemaVersion");
        assertMalformed(root -> root.put("schemaVersion", 1.5), "schemaVersion");
        assertMalformed(root -> root.put("schemaVersion", 0), "schemaVersion");
    }

    @Test
    void newerSchemaVersionIsUnsupportedEvenWithAnUnknownType() {
        ObjectNode root = sampleTree(MessageType.VM_START);
        root.put("schemaVersion", 2);
        root.put("type", "vm.command.teleport");

        assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(root)))
                .asInstanceOf(type(UnsupportedSchemaVersionException.class))
                .satisfies(e -> {
                    assertThat(e.schemaVersion()).isEqualTo(2);
                    assertThat(e.supportedVersion()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo(ContractException.Reason.UNSUPPORTED_SCHEMA_VERSION);
                });
    }

    @Test
    void unknownTypeIsReportedByName() {
        ObjectNode root = sampleTree(MessageType.VM_START);
        root.put("type", "vm.command.teleport");

        assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(root)))
                .asInstanceOf(type(UnknownMessageTypeException.class))
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo("vm.command.teleport");
                    assertThat(e.reason()).isEqualTo(ContractException.Reason.UNKNOWN_TYPE);
                });
    }

    @Test
    void missingTypeOrPayloadIsMalformed() {
        assertMalformed(root -> root.remove("type"), "type");
        assertMalformed(root -> root.put("type", 7), "type");
        assertMalformed(root -> root.remove("payload"), "payload");
        assertMalformed(root -> root.put("payload", "start"), "payload");
    }

    @Test
    void missingOrInvalidHeadersAreMalformed() {
        assertMalformed(root -> root.remove("messageId"), "messageId");
        assertMalformed(root -> root.put("messageId", "not-a-uuid"), "/messageId");
        assertMalformed(root -> root.remove("occurredAt"), "occurredAt");
        assertMalformed(root -> root.put("occurredAt", "yesterday"), "/occurredAt");
        assertMalformed(root -> root.remove("vmId"), "needs a vmId");
        assertMalformed(root -> root.remove("nodeName"), "needs a nodeName");
        assertMalformed(root -> root.put("nodeName", "Node_1"), "nodeName");
    }

    @Test
    void missingRequiredPayloadFieldsAreMalformed() {
        assertMalformed(root -> payload(root).remove("generation"), "generation");
        assertMalformed(root -> payload(root).putNull("generation"), "generation");
        assertMalformed(root -> payload(root).put("generation", 2.5), "generation");
        assertMalformed(root -> payload(root).put("generation", 0), "generation must be at least 1");
    }

    @Test
    void invalidNestedValuesNameTheirLocation() {
        ObjectNode root = sampleTree(MessageType.VM_DEFINE);
        ObjectNode disk = (ObjectNode) payload(root).get("spec").get("disks").get(1);
        disk.remove("format");

        assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(root)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("disk format is required")
                .hasMessageContaining("/payload/spec/disks/1");
    }

    @Test
    void unknownDiskSourceKindAndEnumValuesAreMalformed() {
        assertMalformed(MessageType.VM_DEFINE, root -> ((ObjectNode) payload(root).get("spec").get("disks").get(0)
                .get("source")).put("kind", "NFS"), "NFS");
        assertMalformed(MessageType.VM_STATUS_CHANGED, root -> payload(root).put("status", "EXPLODED"), "EXPLODED");
        assertMalformed(MessageType.VM_STATUS_CHANGED, root -> payload(root).put("status", 3), "/payload/status");
        // vm-service's own status: a node reporting it is refused, so it never reaches a reader
        assertMalformed(MessageType.VM_STATUS_CHANGED, root -> payload(root).put("status", "UNKNOWN"),
                "set by vm-service only");
        assertMalformed(MessageType.VM_DEFINE, root -> ((ObjectNode) payload(root).get("spec")).remove("disks"),
                "disks is required");
    }

    @Test
    void aKnownTypeOnTheWrongTopicIsUnexpected() {
        byte[] event = codec.encode(SampleMessages.sample(MessageType.VM_STATUS_CHANGED));

        assertThatThrownBy(() -> codec.decode(event, VmCommand.class))
                .asInstanceOf(type(UnexpectedMessageTypeException.class))
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo("vm.event.status-changed");
                    assertThat(e.getMessage()).contains("VmCommand");
                    assertThat(e.reason()).isEqualTo(ContractException.Reason.UNEXPECTED_TYPE);
                });
    }

    private void assertMalformed(Consumer<ObjectNode> corruption, String messageFragment) {
        assertMalformed(MessageType.VM_START, corruption, messageFragment);
    }

    private void assertMalformed(MessageType type, Consumer<ObjectNode> corruption, String messageFragment) {
        ObjectNode root = sampleTree(type);
        corruption.accept(root);
        byte[] corrupted = json.writeValueAsBytes(root);

        assertThatThrownBy(() -> codec.decode(corrupted))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(messageFragment);
    }

    private ObjectNode sampleTree(MessageType type) {
        return (ObjectNode) json.readTree(codec.encode(SampleMessages.sample(type)));
    }

    private static ObjectNode payload(ObjectNode root) {
        return (ObjectNode) root.get("payload");
    }
}
