package io.voidvm.nodeagent.command;

import io.voidvm.contracts.Payload;
import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.codec.UnexpectedMessageTypeException;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.volume.VolumeCommand;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a node command: a VM command (keyed by vmId) or a volume command (keyed by volumeId). Anything else
 * on the command topic throws a {@code ContractException}, which the {@code ErrorHandlingDeserializer} around
 * this turns into a dead letter.
 */
final class NodeCommandDeserializer implements Deserializer<MessageEnvelope<Payload>> {

    private final MessageCodec codec;

    NodeCommandDeserializer(MessageCodec codec) {
        this.codec = codec;
    }

    @Override
    public MessageEnvelope<Payload> deserialize(String topic, byte[] data) {
        if (data == null) {
            // a tombstone carries no command; the listener skips it
            return null;
        }
        MessageEnvelope<Payload> envelope = codec.decode(data);
        if (!(envelope.payload() instanceof VmCommand) && !(envelope.payload() instanceof VolumeCommand)) {
            throw new UnexpectedMessageTypeException(envelope.type(), NodeCommand.class);
        }
        return envelope;
    }

    /** Names what this topic carries in the dead-letter reason. */
    private interface NodeCommand {
    }
}
