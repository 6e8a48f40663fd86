package io.voidvm.auth.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.auth.apidoc.AuthApiDocs;
import io.voidvm.auth.tenancy.app.TenantDeletion;
import io.voidvm.auth.tenancy.app.TenantService;
import io.voidvm.auth.tenancy.domain.Tenant;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.PreconditionFailedException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/tenants}: list, create, read, change and delete tenants (admins). */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = AuthApiDocs.TENANTS)
class TenantController {

    private final TenantService service;
    private final TenantDeletion deletion;

    TenantController(TenantService service, TenantDeletion deletion) {
        this.service = Objects.requireNonNull(service, "service");
        this.deletion = Objects.requireNonNull(deletion, "deletion");
    }

    @GetMapping
    @Operation(summary = "List tenants", description = AuthApiDocs.ADMIN_ONLY + " By id.")
    Mono<CursorPage<TenantView>> list(Caller caller, PageRequest page) {
        return service.list(caller, page).map(tenants -> tenants.map(TenantView::of));
    }

    @PostMapping
    @Operation(summary = "Create a tenant", description = AuthApiDocs.ADMIN_ONLY + " The id is a DNS label and"
            + " cannot change; 409 when it is taken.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the tenant",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<TenantView>> create(@Valid @RequestBody CreateTenant body, Caller caller) {
        return service.create(caller, body.id(), body.displayName().strip())
                .map(tenant -> ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.id()))
                        .eTag(etag(tenant)).body(TenantView.of(tenant)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a tenant", description = AuthApiDocs.ADMIN_ONLY + " The ETag is its version, for"
            + " If-Match on a change.")
    Mono<ResponseEntity<TenantView>> get(@PathVariable String id, Caller caller) {
        return service.get(caller, id).map(tenant -> ResponseEntity.ok().eTag(etag(tenant)).body(TenantView.of(tenant)));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a tenant", description = AuthApiDocs.ADMIN_ONLY + " Display name and suspension;"
            + " absent fields stay as they are. If-Match with the tenant's ETag makes it conditional (412 when it"
            + " moved on).")
    Mono<ResponseEntity<TenantView>> update(@PathVariable String id, @Valid @RequestBody UpdateTenant body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            Caller caller) {
        return Mono.fromSupplier(() -> Optional.ofNullable(version(ifMatch)))
                .flatMap(expected -> service.update(caller, id,
                        body.displayName() == null ? null : body.displayName().strip(), body.suspended(),
                        expected.orElse(null)))
                .map(tenant -> ResponseEntity.ok().eTag(etag(tenant)).body(TenantView.of(tenant)));
    }

    @Operation(summary = "Delete a tenant", description = AuthApiDocs.ADMIN_ONLY + " Only a tenant that owns no"
            + " resources, members or API tokens; its quota and usage go with it.")
    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted, with its quota")
    @ApiResponse(responseCode = "409", description = "The tenant still owns resources, members or API tokens; the "
            + "problem's detail names them")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, Caller caller) {
        return deletion.delete(caller, id).thenReturn(ResponseEntity.noContent().build());
    }

    private static String etag(Tenant tenant) {
        return "\"" + tenant.version() + "\"";
    }

    /** A strong tag we issued, else a tag that can never match (412), as RFC 9110 wants for unknown tags. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException notOurs) {
                // falls through
            }
        }
        throw new PreconditionFailedException("If-Match " + tag + " does not match the tenant", null);
    }

    record CreateTenant(
            @NotBlank @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?",
                    message = "must be a DNS label: lower-case letters, digits and inner dashes") String id,
            @NotBlank @Size(max = 200) String displayName) {
    }

    record UpdateTenant(@Size(min = 1, max = 200) String displayName, Boolean suspended) {
    }

    record TenantView(String id, String displayName, boolean suspended, long version, Instant createdAt,
                      Instant updatedAt) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id(), tenant.displayName(), tenant.suspended(), tenant.version(),
                    tenant.createdAt(), tenant.updatedAt());
        }
    }
}
