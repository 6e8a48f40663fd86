package io.voidvm.vm.vmlog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.voidvm.vm.operation.domain.Operation;
import io.voidvm.vm.operation.web.OperationView;
import io.voidvm.vm.vmlog.domain.LogPosition;
import io.voidvm.vm.vmlog.domain.VmLogEntry;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a VM's log: an operation someone asked for ({@code type: "operation"}) or an event in the VM's life
 * ({@code type: "event"}), at the time it was created or happened.
 */
@Schema(oneOf = {VmLogItem.OperationItem.class, VmLogItem.EventItem.class})
public sealed interface VmLogItem {

    String type();

    Instant at();

    /** Where the item stands in the log (for the next page's cursor). */
    LogPosition position();

    static VmLogItem of(Operation operation) {
        return new OperationItem("operation", operation.createdAt(), OperationView.of(operation));
    }

    static VmLogItem of(VmLogEntry entry) {
        return new EventItem("event", entry.at(), EventView.of(entry));
    }

    /** An operation, as {@code GET /api/v1/operations/{id}} shows it. */
    record OperationItem(@Schema(allowableValues = "operation") String type, Instant at, OperationView operation)
            implements VmLogItem {

        @Override
        public LogPosition position() {
            return new LogPosition(at, operation.id());
        }
    }

    /** An event: a crash, a restart by policy, a forced stop, its node lost, a timeout. */
    record EventItem(@Schema(allowableValues = "event") String type, Instant at, EventView event)
            implements VmLogItem {

        @Override
        public LogPosition position() {
            return new LogPosition(at, event.id());
        }
    }

    /**
     * @param kind   {@code NODE_REPORT}: the VM's node reported the status with this reason; other kinds are the
     *               platform's own decisions
     * @param status the VM's status right after the event
     * @param source {@code node:<name>} or {@code platform}
     */
    record EventView(UUID id, String kind, String status, String reason, String source) {

        static EventView of(VmLogEntry entry) {
            return new EventView(entry.id(), entry.kind().name(), entry.status().name(), entry.reason(),
                    entry.source());
        }
    }
}
