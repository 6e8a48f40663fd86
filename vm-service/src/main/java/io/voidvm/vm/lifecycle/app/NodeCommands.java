package io.voidvm.vm.lifecycle.app;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.servicekit.outbox.OutboxWriter;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Addresses a VM's commands to its node and appends them to the outbox, in order, inside the caller's
 * transaction. Envelopes are built first so the operation can name the last command before anything is written.
 */
@Component
class NodeCommands {

    private final Envelopes envelopes;
    private final OutboxWriter outbox;

    NodeCommands(Envelopes envelopes, OutboxWriter outbox) {
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** @param operationId becomes each envelope's correlationId, so results find their operation */
    List<MessageEnvelope<VmCommand>> address(Vm vm, List<VmCommand> commands, UUID operationId) {
        if (commands.isEmpty()) {
            return List.of();
        }
        Objects.requireNonNull(vm.nodeName(), "commands need a placed VM");
        return commands.stream()
                .map(command -> envelopes.of(command).tenantId(vm.tenantId()).vmId(vm.id()).nodeName(vm.nodeName())
                        .correlationId(operationId).build())
                .toList();
    }

    /** The message id of the last command, which a one-shot operation waits for; {@code null} for none. */
    static UUID lastMessageId(List<MessageEnvelope<VmCommand>> envelopes) {
        return envelopes.isEmpty() ? null : envelopes.getLast().messageId();
    }

    Mono<Void> send(List<MessageEnvelope<VmCommand>> addressed) {
        return Flux.fromIterable(addressed).concatMap(outbox::append).then();
    }
}
