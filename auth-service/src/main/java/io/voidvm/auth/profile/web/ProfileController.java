package io.voidvm.auth.profile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.auth.apidoc.AuthApiDocs;
import io.voidvm.auth.identity.ProfileChange;
import io.voidvm.auth.identity.UserAccount;
import io.voidvm.auth.profile.app.ProfileService;
import io.voidvm.auth.profile.domain.AvatarUrls;
import io.voidvm.servicekit.tenancy.domain.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET/PUT /api/v1/users/profile}: the caller's own user as Keycloak holds it. PUT replaces the editable
 * fields (an absent {@code avatarUrl} removes the avatar); username, tenant and roles are not editable here.
 */
@RestController
@RequestMapping("/api/v1/users/profile")
@Tag(name = AuthApiDocs.PROFILE)
class ProfileController {

    private final ProfileService service;

    ProfileController(ProfileService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @GetMapping
    @Operation(summary = "Read the caller's profile")
    Mono<ProfileView> get(Caller caller) {
        return service.get(caller).map(user -> ProfileView.of(user, caller));
    }

    @PutMapping
    @Operation(summary = "Replace the caller's profile", description = "First and last name, email and avatar URL"
            + " (absent removes the avatar); username, tenant and roles are not editable here.")
    Mono<ProfileView> replace(@Valid @RequestBody UpdateProfile body, Caller caller) {
        return service.update(caller, new ProfileChange(body.firstName().strip(), body.lastName().strip(),
                        body.email().strip(), body.avatarUrl()))
                .map(user -> ProfileView.of(user, caller));
    }

    record UpdateProfile(@NotBlank @Size(max = 255) String firstName, @NotBlank @Size(max = 255) String lastName,
                         @NotBlank @Email @Size(max = 255) String email,
                         @Size(max = AvatarUrls.MAX_LENGTH) String avatarUrl) {
    }

    /** {@code displayName} is derived: "first last", or the username when both are empty. */
    record ProfileView(String id, String username, String displayName, String firstName, String lastName,
                       String email, String avatarUrl, String tenantId, List<String> roles) {
        static ProfileView of(UserAccount user, Caller caller) {
            return new ProfileView(user.id(), user.username(), user.displayName(), user.firstName(),
                    user.lastName(), user.email(), user.avatarUrl(), user.tenantId(),
                    caller.roles().stream().filter(role -> role.equals("user") || role.equals("admin")).sorted()
                            .toList());
        }
    }
}
