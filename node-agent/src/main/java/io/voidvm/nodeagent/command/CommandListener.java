package io.voidvm.nodeagent.command;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.nodeagent.runtime.VmRuntimes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * Hands each command to the runtime, which returns once the command is durably taken on; the container then
 * commits the offset. Slow work (a graceful stop) runs on the VM's executor and never holds up the topic.
 */
final class CommandListener implements MessageListener<String, MessageEnvelope<VmCommand>> {

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

    private final String nodeName;
    private final VmRuntimes runtimes;

    CommandListener(String nodeName, VmRuntimes runtimes) {
        this.nodeName = nodeName;
        this.runtimes = runtimes;
    }

    @Override
    public void onMessage(ConsumerRecord<String, MessageEnvelope<VmCommand>> record) {
        MessageEnvelope<VmCommand> envelope = record.value();
        if (envelope == null) {
            log.debug("tombstone at {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        if (!nodeName.equals(envelope.nodeName())) {
            throw new MisroutedCommandException("command " + envelope.messageId() + " for node "
                    + envelope.nodeName() + " arrived on " + record.topic());
        }
        runtimes.accept(envelope);
    }
}
