package io.voidvm.vm.operation.web;

import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.operation.db.OperationRepository;
import java.util.Objects;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Read-only: operations are written by the VM use cases and finished by node events. */
@RestController
@RequestMapping("/api/v1")
class OperationController {

    private final OperationRepository operations;
    private final VmRepository vms;

    OperationController(OperationRepository operations, VmRepository vms) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.vms = Objects.requireNonNull(vms, "vms");
    }

    @GetMapping("/operations/{id}")
    Mono<OperationView> operation(@PathVariable UUID id, Caller caller) {
        return operations.find(caller.scope(), id).map(OperationView::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("operation", id)));
    }

    /**
     * The VM's operation log, newest first. The log outlives the VM, so a deleted VM's log stays readable;
     * a VM the caller cannot see and that left no log is a 404.
     */
    @GetMapping("/vms/{id}/logs")
    Mono<CursorPage<OperationView>> log(@PathVariable UUID id, Caller caller, PageRequest page) {
        return operations.logOf(caller.scope(), id, page).collectList()
                .flatMap(rows -> rows.isEmpty() && page.after().isEmpty()
                        ? vms.exists(caller.scope(), id).flatMap(exists -> exists
                                ? Mono.just(rows) : Mono.error(new NotFoundException("VM", id)))
                        : Mono.just(rows))
                .map(rows -> CursorPage.of(rows, page, OperationRepository::cursorAfter).map(OperationView::of));
    }
}
