package io.voidvm.nodeagent.command;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.VmCommand;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a command envelope; anything else on the command topic throws a {@code ContractException}, which
 * the {@code ErrorHandlingDeserializer} around this turns into a dead letter.
 */
final class VmCommandDeserializer implements Deserializer<MessageEnvelope<VmCommand>> {

    private final MessageCodec codec;

    VmCommandDeserializer(MessageCodec codec) {
        this.codec = codec;
    }

    @Override
    public MessageEnvelope<VmCommand> deserialize(String topic, byte[] data) {
        // a tombstone carries no command; the listener skips it
        return data == null ? null : codec.decode(data, VmCommand.class);
    }
}
