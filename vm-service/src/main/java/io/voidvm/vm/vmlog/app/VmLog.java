package io.voidvm.vm.vmlog.app;

import io.voidvm.contracts.envelope.MessageIds;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.vmlog.db.VmLogRepository;
import io.voidvm.vm.vmlog.domain.VmLogEntry;
import io.voidvm.vm.vmlog.domain.VmLogKind;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one way to add to a VM's log. Call it inside the transaction that stores the change it records, so the
 * entry and the change commit together (a redelivered event finds its message id processed and adds nothing).
 */
@Component
public class VmLog {

    private static final Logger log = LoggerFactory.getLogger(VmLog.class);

    private final VmLogRepository entries;
    private final MessageIds ids;

    public VmLog(VmLogRepository entries, MessageIds ids) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Records the change from {@code before} to {@code after} when it deserves an entry: its status or reason
     * changed and the VM now has a reason to show ({@link VmLogEntry#forChange}).
     */
    public Mono<Void> recordChange(Vm before, Vm after, VmLogKind kind, String source, Instant at) {
        return VmLogEntry.forChange(ids.next(), before, after, kind, source, at)
                .map(this::append)
                .orElseGet(Mono::empty);
    }

    /** Adds an entry about {@code vm} that is not a change of its status (e.g. a forced delete). */
    public Mono<Void> record(Vm vm, VmLogKind kind, VmStatus status, String reason, String source, Instant at) {
        return append(new VmLogEntry(ids.next(), vm.tenantId(), vm.id(), at, kind, status, reason, source));
    }

    private Mono<Void> append(VmLogEntry entry) {
        log.info("vm {}: log {} {} ({}): {}", entry.vmId(), entry.kind(), entry.status(), entry.source(),
                entry.reason());
        return entries.insert(entry);
    }
}
