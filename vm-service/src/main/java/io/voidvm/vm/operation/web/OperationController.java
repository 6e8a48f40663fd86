package io.voidvm.vm.operation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.apidoc.VmApiDocs;
import io.voidvm.vm.operation.db.OperationRepository;
import java.util.Objects;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Read-only: operations are written by the VM use cases and finished by node events. A VM's operations are also
 * in its log ({@code GET /api/v1/vms/{id}/logs}, in {@code vmlog.web}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = VmApiDocs.OPERATIONS)
class OperationController {

    private final OperationRepository operations;

    OperationController(OperationRepository operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @GetMapping("/operations/{id}")
    @Operation(summary = "Read an operation", description = "Poll it after a 202: PENDING, RUNNING, then"
            + " SUCCEEDED or FAILED; a failed one carries a `problem` saying why (code `TIMED_OUT` when the node"
            + " did not finish it by its `deadline`).")
    Mono<OperationView> operation(@PathVariable UUID id, Caller caller) {
        return operations.find(caller.scope(), id).map(OperationView::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("operation", id)));
    }
}
