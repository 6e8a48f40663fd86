package io.voidvm.vm.vmlog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.apidoc.VmApiDocs;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.operation.db.OperationRepository;
import io.voidvm.vm.vmlog.db.VmLogRepository;
import io.voidvm.vm.vmlog.domain.LogPosition;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The VM's log: its operations and the events in its life, newest first, one cursor over both. Each table is
 * read with the same keyset bound and limit, and the two sorted runs are merged: the newest {@code limit} items
 * of the union are among the newest {@code limit} of each.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = VmApiDocs.VM_LOG)
class VmLogController {

    private static final Comparator<VmLogItem> NEWEST_FIRST =
            Comparator.comparing(VmLogItem::position, LogPosition.NEWEST_FIRST);

    private final OperationRepository operations;
    private final VmLogRepository events;
    private final VmRepository vms;

    VmLogController(OperationRepository operations, VmLogRepository events, VmRepository vms) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.events = Objects.requireNonNull(events, "events");
        this.vms = Objects.requireNonNull(vms, "vms");
    }

    /**
     * The log outlives the VM, so a deleted VM's log stays readable; a VM the caller cannot see and that left no
     * log is a 404.
     */
    @GetMapping("/vms/{id}/logs")
    @Operation(summary = "Read a VM's log", description = "Its operations and the events of its life, newest"
            + " first, one cursor over both. A deleted VM's log stays readable.")
    Mono<CursorPage<VmLogItem>> log(@PathVariable UUID id, Caller caller, PageRequest page) {
        Optional<LogPosition> after = page.after().map(LogPosition::decode);
        Mono<List<VmLogItem>> ops = operations.logOf(caller.scope(), id, after, page.fetchSize())
                .map(VmLogItem::of).collectList();
        Mono<List<VmLogItem>> entries = events.logOf(caller.scope(), id, after, page.fetchSize())
                .map(VmLogItem::of).collectList();
        return Mono.zip(ops, entries)
                .map(both -> Stream.concat(both.getT1().stream(), both.getT2().stream())
                        .sorted(NEWEST_FIRST).limit(page.fetchSize()).toList())
                .flatMap(items -> items.isEmpty() && after.isEmpty()
                        ? vms.exists(caller.scope(), id).flatMap(exists -> exists
                                ? Mono.just(items) : Mono.error(new NotFoundException("VM", id)))
                        : Mono.just(items))
                .map(items -> CursorPage.of(items, page, item -> item.position().cursor()));
    }
}
