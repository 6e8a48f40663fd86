package io.voidvm.nodeagent.command;

import io.voidvm.contracts.Payload;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.volume.VolumeCommand;
import io.voidvm.nodeagent.runtime.VmRuntimes;
import io.voidvm.nodeagent.volume.VolumeCommands;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * Hands each command to the VM runtime or the volume commands, which return once the command is durably taken
 * on; the container then commits the offset. Slow work (a graceful stop, an image download) runs on the VM's or
 * volume's executor and never holds up the topic.
 */
final class CommandListener implements MessageListener<String, MessageEnvelope<Payload>> {

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

    private final String nodeName;
    private final VmRuntimes runtimes;
    private final VolumeCommands volumes;

    CommandListener(String nodeName, VmRuntimes runtimes, VolumeCommands volumes) {
        this.nodeName = nodeName;
        this.runtimes = runtimes;
        this.volumes = volumes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onMessage(ConsumerRecord<String, MessageEnvelope<Payload>> record) {
        MessageEnvelope<Payload> envelope = record.value();
        if (envelope == null) {
            log.debug("tombstone at {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        if (!nodeName.equals(envelope.nodeName())) {
            throw new MisroutedCommandException("command " + envelope.messageId() + " for node "
                    + envelope.nodeName() + " arrived on " + record.topic());
        }
        switch (envelope.payload()) {
            case VmCommand ignored -> runtimes.accept((MessageEnvelope<VmCommand>) (MessageEnvelope<?>) envelope);
            case VolumeCommand ignored ->
                    volumes.accept((MessageEnvelope<VolumeCommand>) (MessageEnvelope<?>) envelope);
            default -> throw new MisroutedCommandException("message " + envelope.messageId() + " (" + envelope.type()
                    + ") is no command");
        }
    }
}
