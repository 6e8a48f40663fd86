package io.voidvm.auth.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.auth.apidoc.AuthApiDocs;
import io.voidvm.auth.tenancy.app.TenantService;
import io.voidvm.auth.tenancy.domain.MemberRole;
import io.voidvm.auth.tenancy.domain.Membership;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/tenants/{id}/members} (admins): who belongs to a tenant, with which role. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/members")
@Tag(name = AuthApiDocs.MEMBERS)
class MemberController {

    private final TenantService service;

    MemberController(TenantService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @GetMapping
    @Operation(summary = "List a tenant's members", description = AuthApiDocs.ADMIN_ONLY)
    Mono<CursorPage<MemberView>> list(@PathVariable String tenantId, Caller caller, PageRequest page) {
        return service.members(caller, tenantId, page).map(members -> members.map(MemberView::of));
    }

    @PostMapping
    @Operation(summary = "Add a member", description = AuthApiDocs.ADMIN_ONLY + " Adds the user with a role (owner,"
            + " member (default) or viewer), or changes their role. It becomes the user's only tenant: the one"
            + " their next tokens carry. 409 when the tenant is full.")
    @ApiResponse(responseCode = "201", description = "Added; Location names the membership",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<MemberView>> add(@PathVariable String tenantId, @Valid @RequestBody AddMember body,
                                         Caller caller) {
        return Mono.fromSupplier(() -> body.role() == null ? MemberRole.MEMBER : MemberRole.fromKey(body.role()))
                .flatMap(role -> service.addMember(caller, tenantId, body.userId(), role))
                .map(member -> ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/members/"
                        + member.userId())).body(MemberView.of(member)));
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Remove a member", description = AuthApiDocs.ADMIN_ONLY + " The user's next token"
            + " carries no tenant if this was theirs.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable String tenantId, @PathVariable String userId, Caller caller) {
        return service.removeMember(caller, tenantId, userId).thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * @param userId Keycloak user id
     * @param role   owner, member (default) or viewer
     */
    record AddMember(@NotBlank @Size(max = 64) String userId, String role) {
    }

    record MemberView(String userId, String tenantId, String role, Instant createdAt) {
        static MemberView of(Membership membership) {
            return new MemberView(membership.userId(), membership.tenantId(), membership.role().key(),
                    membership.createdAt());
        }
    }
}
