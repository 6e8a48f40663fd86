package io.voidvm.vm.lifecycle.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.apidoc.VmApiDocs;
import io.voidvm.vm.idempotency.IdempotentRequests;
import io.voidvm.vm.lifecycle.app.Accepted;
import io.voidvm.vm.lifecycle.app.ForcedDeletion;
import io.voidvm.vm.lifecycle.app.VmLifecycleService;
import io.voidvm.vm.lifecycle.db.VmQuery;
import io.voidvm.vm.lifecycle.domain.VmAction;
import io.voidvm.vm.operation.web.OperationView;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The VM resource: list, create, read, change and delete. Power actions are in {@link VmActionController}. */
@RestController
@RequestMapping("/api/v1/vms")
@Tag(name = VmApiDocs.VMS)
class VmController {

    private final VmLifecycleService lifecycle;
    private final ForcedDeletion forcedDeletion;
    private final IdempotentRequests idempotency;
    private final Responses responses;

    VmController(VmLifecycleService lifecycle, ForcedDeletion forcedDeletion, IdempotentRequests idempotency,
                 Responses responses) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.forcedDeletion = Objects.requireNonNull(forcedDeletion, "forcedDeletion");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    /** {@code ?limit=&cursor=&status=RUNNING,PAUSED&name=web&sort=-createdAt|createdAt|name|-name} */
    @GetMapping
    @Operation(summary = "List VMs", description = "The caller's tenant's VMs (an admin's: every tenant's), newest"
            + " first unless `sort` says otherwise (`createdAt`, `-createdAt`, `name`, `-name`). `status` takes a"
            + " comma-separated list (`RUNNING,PAUSED`), `name` a name or the start of one.")
    Mono<CursorPage<VmView>> list(Caller caller, PageRequest page,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String name,
                                  @RequestParam(required = false) String sort) {
        return Mono.fromSupplier(() -> VmQuery.parse(status, name, sort))
                .flatMap(query -> lifecycle.list(caller, query, page))
                .map(vms -> vms.map(VmView::of));
    }

    // the body is stored bytes (idempotent replay), so the document is told what they hold
    @PostMapping
    @Operation(summary = "Create a VM", description = "Stores the VM (status PENDING), reserves quota and places it"
            + " on a node; the node then creates and starts it. Answers 201 with the VM at once; the creating"
            + " operation (Operation-Location) tells when it runs. 409 when the tenant's quota would be exceeded."
            + VmApiDocs.IDEMPOTENT)
    @ApiResponse(responseCode = "201", description = "Created; Location names the VM, Operation-Location its"
            + " creating operation", content = @Content(schema = @Schema(implementation = VmView.class)))
    Mono<ResponseEntity<byte[]>> create(@RequestBody CreateVmRequest body,
                                        @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                        Caller caller, ServerHttpRequest request) {
        return Mono.fromSupplier(body::toNewVm)
                .flatMap(spec -> idempotency.execute(IdempotencyScope.of(caller), key,
                        responses.canonicalRequest(request, body),
                        lifecycle.create(caller, spec).map(responses::created)))
                .map(Responses::entity);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a VM", description = "With its status as the node last reported it; the ETag is"
            + " its version, for If-Match on a change.")
    Mono<ResponseEntity<VmView>> get(@PathVariable UUID id, Caller caller) {
        return lifecycle.get(caller, id).map(Responses::vm);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a VM (same as PATCH)", description = "Name, description, CPU cores and memory;"
            + " absent fields stay as they are. CPU and memory need the VM STOPPED (409 otherwise). If-Match"
            + " with the VM's ETag makes the change conditional (412 when it moved on).")
    Mono<ResponseEntity<VmView>> replace(@PathVariable UUID id, @RequestBody UpdateVmRequest body,
                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                         Caller caller) {
        return update(id, body, ifMatch, caller);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a VM", description = "Name, description, CPU cores and memory; absent fields"
            + " stay as they are. CPU and memory need the VM STOPPED (409 otherwise). If-Match with the VM's"
            + " ETag makes the change conditional (412 when it moved on).")
    Mono<ResponseEntity<VmView>> update(@PathVariable UUID id, @RequestBody UpdateVmRequest body,
                                        @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                        Caller caller) {
        return Mono.fromSupplier(body::toUpdate)
                .flatMap(update -> lifecycle.update(caller, id, update, IfMatch.parse(ifMatch)))
                .map(Responses::vm);
    }

    /**
     * Stops the VM if it may run, then removes it: 202, the VM shows DELETING until the node confirms.
     * {@code ?force=true} (admin only) removes a VM whose node is NOT_READY at once: quota and capacity are free
     * when the answer comes, its operation already SUCCEEDED (ADR 0012).
     */
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a VM", description = "Stops the VM if it runs, then removes it: it shows"
            + " DELETING until the node confirms. `force=true` (admin only) removes a VM of a NOT_READY node at"
            + " once. " + VmApiDocs.ASYNC)
    @ApiResponse(responseCode = "202", description = "Accepted; Location names the operation",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @ApiResponse(responseCode = "403", description = "force=true without the admin role",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "Not allowed in the VM's status; or force=true while the VM's"
            + " node is READY (delete it without force)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<ResponseEntity<byte[]>> delete(@PathVariable UUID id,
                                        @Parameter(description = "admin only: remove a VM of a NOT_READY node at"
                                                + " once, without waiting for the node")
                                        @RequestParam(defaultValue = "false") boolean force,
                                        @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                        Caller caller) {
        Mono<Accepted> deleted = force ? forcedDeletion.delete(caller, id, IfMatch.parse(ifMatch))
                : lifecycle.act(caller, id, VmAction.DELETE, IfMatch.parse(ifMatch));
        return deleted.map(accepted -> Responses.entity(new IdempotentRequests.Outcome(responses.accepted(accepted),
                false)));
    }
}
