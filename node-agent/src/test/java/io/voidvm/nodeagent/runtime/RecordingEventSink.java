package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event the runtime publishes, in order. */
public final class RecordingEventSink implements VmEventSink {

    record Published(EventContext context, VmEvent event) {
    }

    final List<Published> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(EventContext context, VmEvent event) {
        events.add(new Published(context, event));
    }

    public List<VmStatusChanged> statuses(UUID vmId) {
        return events.stream()
                .filter(p -> p.context().vmId().equals(vmId) && p.event() instanceof VmStatusChanged)
                .map(p -> (VmStatusChanged) p.event())
                .toList();
    }

    public List<VmStatus> statusNames(UUID vmId) {
        return statuses(vmId).stream().map(VmStatusChanged::status).toList();
    }

    public VmStatusChanged lastStatus(UUID vmId) {
        List<VmStatusChanged> all = statuses(vmId);
        return all.isEmpty() ? null : all.getLast();
    }

    public List<CommandResult> results(UUID commandId) {
        return events.stream()
                .filter(p -> p.event() instanceof CommandResult result && result.commandMessageId().equals(commandId))
                .map(p -> (CommandResult) p.event())
                .toList();
    }

    List<Published> resultsWithContext(UUID commandId) {
        return events.stream()
                .filter(p -> p.event() instanceof CommandResult result && result.commandMessageId().equals(commandId))
                .toList();
    }
}
