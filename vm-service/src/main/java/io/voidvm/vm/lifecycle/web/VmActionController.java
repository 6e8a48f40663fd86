package io.voidvm.vm.lifecycle.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.apidoc.VmApiDocs;
import io.voidvm.vm.idempotency.IdempotentRequests;
import io.voidvm.vm.lifecycle.app.VersionPrecondition;
import io.voidvm.vm.lifecycle.app.VmLifecycleService;
import io.voidvm.vm.lifecycle.domain.VmAction;
import io.voidvm.vm.operation.web.OperationView;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/vms/{id}/start|stop|pause|resume|reset|reboot}: 202 with the operation, or 409 naming the
 * VM's status when the action is not allowed in it.
 */
@RestController
@RequestMapping("/api/v1/vms/{id}")
@Tag(name = VmApiDocs.VMS)
@ApiResponse(responseCode = "202", description = "Accepted; Location names the operation to poll",
        content = @Content(schema = @Schema(implementation = OperationView.class)))
class VmActionController {

    private final VmLifecycleService lifecycle;
    private final IdempotentRequests idempotency;
    private final Responses responses;

    VmActionController(VmLifecycleService lifecycle, IdempotentRequests idempotency, Responses responses) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    @PostMapping("/start")
    @Operation(summary = "Start a VM", description = "A STOPPED VM boots. " + VmApiDocs.ASYNC + VmApiDocs.IDEMPOTENT)
    Mono<ResponseEntity<byte[]>> start(@PathVariable UUID id, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) String key, Caller caller, ServerHttpRequest request) {
        return act(id, VmAction.START, key, caller, request);
    }

    /** Graceful (ACPI power-down, forced after the configured timeout); {@code ?force=true} powers off at once. */
    @PostMapping("/stop")
    @Operation(summary = "Stop a VM", description = "ACPI power-down, forced after the configured timeout;"
            + " `force=true` powers off at once. " + VmApiDocs.ASYNC + VmApiDocs.IDEMPOTENT)
    Mono<ResponseEntity<byte[]>> stop(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean force,
                                      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                      Caller caller, ServerHttpRequest request) {
        return act(id, force ? VmAction.FORCE_STOP : VmAction.STOP, key, caller, request);
    }

    @PostMapping("/pause")
    @Operation(summary = "Pause a VM", description = "A RUNNING VM is frozen in memory. " + VmApiDocs.ASYNC
            + VmApiDocs.IDEMPOTENT)
    Mono<ResponseEntity<byte[]>> pause(@PathVariable UUID id, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) String key, Caller caller, ServerHttpRequest request) {
        return act(id, VmAction.PAUSE, key, caller, request);
    }

    @PostMapping("/resume")
    @Operation(summary = "Resume a VM", description = "A PAUSED VM runs on. " + VmApiDocs.ASYNC
            + VmApiDocs.IDEMPOTENT)
    Mono<ResponseEntity<byte[]>> resume(@PathVariable UUID id, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) String key, Caller caller, ServerHttpRequest request) {
        return act(id, VmAction.RESUME, key, caller, request);
    }

    @PostMapping("/reset")
    @Operation(summary = "Reset a VM", description = "Hard reset, like the reset button: no guest shutdown. "
            + VmApiDocs.ASYNC + VmApiDocs.IDEMPOTENT)
    Mono<ResponseEntity<byte[]>> reset(@PathVariable UUID id, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) String key, Caller caller, ServerHttpRequest request) {
        return act(id, VmAction.RESET, key, caller, request);
    }

    @PostMapping("/reboot")
    @Operation(summary = "Reboot a VM", description = "Asks the guest to restart (ACPI). " + VmApiDocs.ASYNC
            + VmApiDocs.IDEMPOTENT)
    Mono<ResponseEntity<byte[]>> reboot(@PathVariable UUID id, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) String key, Caller caller, ServerHttpRequest request) {
        return act(id, VmAction.REBOOT, key, caller, request);
    }

    private Mono<ResponseEntity<byte[]>> act(UUID id, VmAction action, String key, Caller caller,
                                             ServerHttpRequest request) {
        if (action != VmAction.STOP && action != VmAction.FORCE_STOP
                && request.getQueryParams().containsKey("force")) {
            return Mono.error(new InvalidRequestException("force", "applies only to stop"));
        }
        return idempotency.execute(IdempotencyScope.of(caller), key, responses.canonicalRequest(request, null),
                        lifecycle.act(caller, id, action, VersionPrecondition.NONE).map(responses::accepted))
                .map(Responses::entity);
    }
}
