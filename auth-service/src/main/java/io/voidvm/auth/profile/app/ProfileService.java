package io.voidvm.auth.profile.app;

import io.voidvm.auth.audit.app.AuditLog;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.identity.ProfileChange;
import io.voidvm.auth.identity.UserAccount;
import io.voidvm.auth.identity.UserDirectory;
import io.voidvm.auth.profile.domain.AvatarUrls;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.util.Objects;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The caller's own Keycloak user: read it, change name, email and avatar. */
@Service
public class ProfileService {

    private final UserDirectory users;
    private final AuditLog audit;

    public ProfileService(UserDirectory users, AuditLog audit) {
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public Mono<UserAccount> get(Caller caller) {
        return users.find(caller.subject())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("user", caller.subject())));
    }

    public Mono<UserAccount> update(Caller caller, ProfileChange change) {
        return Mono.fromSupplier(() -> new ProfileChange(change.firstName(), change.lastName(), change.email(),
                        AvatarUrls.require(change.avatarUrl())))
                .flatMap(valid -> users.updateProfile(caller.subject(), valid))
                .flatMap(updated -> audit.record(AuditAction.PROFILE_UPDATED, caller.subject(), caller.tenantId(),
                        caller.subject(), "fields=firstName,lastName,email,avatarUrl").thenReturn(updated));
    }
}
