package io.voidvm.auth.users.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.auth.apidoc.AuthApiDocs;
import io.voidvm.auth.identity.Lockout;
import io.voidvm.auth.identity.NewUserAccount;
import io.voidvm.auth.identity.UserAccount;
import io.voidvm.auth.users.app.UserAdminService.AdminUserDetails;
import io.voidvm.auth.users.app.UserAdminService;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/admin/users} (admins): list and create users, read one with its lockout state, and
 * {@code POST /{id}/disable|enable|reset-mfa|unlock}.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = AuthApiDocs.USERS)
class AdminUserController {

    private final UserAdminService service;

    AdminUserController(UserAdminService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** {@code ?search=} matches username, email, first or last name. */
    @GetMapping
    @Operation(summary = "List users", description = AuthApiDocs.ADMIN_ONLY + " `search` matches username, email,"
            + " first or last name.")
    Mono<CursorPage<UserView>> list(Caller caller, PageRequest page,
                                    @RequestParam(required = false) String search) {
        return service.list(caller, search, page).map(users -> users.map(UserView::of));
    }

    @PostMapping
    @Operation(summary = "Create a user", description = AuthApiDocs.ADMIN_ONLY + " In Keycloak, optionally in a"
            + " tenant; the initial password is temporary unless said otherwise; admins must set up TOTP at their"
            + " first login. 409 when the username or email is taken.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the user",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<UserDetailsView>> create(@Valid @RequestBody CreateUser body, Caller caller) {
        NewUserAccount user = new NewUserAccount(body.username(), body.email(), body.firstName(), body.lastName(),
                body.tenantId(), Boolean.TRUE.equals(body.admin()), body.initialPassword(),
                !Boolean.FALSE.equals(body.temporaryPassword()));
        return service.create(caller, user)
                .map(created -> ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.user().id()))
                        .body(UserDetailsView.of(created)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user", description = AuthApiDocs.ADMIN_ONLY + " With their lockout state.")
    Mono<UserDetailsView> get(@PathVariable String id, Caller caller) {
        return service.get(caller, id).map(UserDetailsView::of);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a user", description = AuthApiDocs.ADMIN_ONLY + " They can no longer sign in.")
    Mono<UserDetailsView> disable(@PathVariable String id, Caller caller) {
        return service.setEnabled(caller, id, false).then(service.get(caller, id)).map(UserDetailsView::of);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a user", description = AuthApiDocs.ADMIN_ONLY)
    Mono<UserDetailsView> enable(@PathVariable String id, Caller caller) {
        return service.setEnabled(caller, id, true).then(service.get(caller, id)).map(UserDetailsView::of);
    }

    @PostMapping("/{id}/reset-mfa")
    @Operation(summary = "Reset a user's MFA", description = AuthApiDocs.ADMIN_ONLY + " Removes their OTP"
            + " credentials; they set up a new one at their next login.")
    Mono<Map<String, Integer>> resetMfa(@PathVariable String id, Caller caller) {
        return service.resetMfa(caller, id).map(removed -> Map.of("removedOtpCredentials", removed));
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Unlock a user", description = AuthApiDocs.ADMIN_ONLY + " Ends a lockout after failed"
            + " logins.")
    Mono<LockoutView> unlock(@PathVariable String id, Caller caller) {
        return service.unlock(caller, id).map(LockoutView::of);
    }

    /**
     * @param initialPassword   optional; Keycloak's password policy applies
     * @param temporaryPassword default true: the user must change it at first login
     * @param admin             default false; admins must set up TOTP at their first login
     */
    record CreateUser(
            @NotBlank @Size(min = 3, max = 255) @Pattern(regexp = "[a-z0-9._@-]+",
                    message = "lower-case letters, digits and . _ @ - only") String username,
            @NotBlank @Email @Size(max = 255) String email,
            @NotBlank @Size(max = 255) String firstName,
            @NotBlank @Size(max = 255) String lastName,
            @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", message = "must be a DNS label") String tenantId,
            Boolean admin,
            @Size(min = 8, max = 128) String initialPassword,
            Boolean temporaryPassword) {

        @Override
        public String toString() {
            return "CreateUser[username=" + username + ", tenantId=" + tenantId + ", initialPassword=***]";
        }
    }

    record UserView(String id, String username, String email, String firstName, String lastName, boolean enabled,
                    String tenantId, Instant createdAt) {
        static UserView of(UserAccount user) {
            return new UserView(user.id(), user.username(), user.email(), user.firstName(), user.lastName(),
                    user.enabled(), user.tenantId(), user.createdAt());
        }
    }

    record LockoutView(boolean locked, int failures, Instant lastFailure) {
        static LockoutView of(Lockout lockout) {
            return new LockoutView(lockout.locked(), lockout.failures(), lockout.lastFailure());
        }
    }

    record UserDetailsView(UserView user, LockoutView lockout) {
        static UserDetailsView of(AdminUserDetails details) {
            return new UserDetailsView(UserView.of(details.user()), LockoutView.of(details.lockout()));
        }
    }
}
