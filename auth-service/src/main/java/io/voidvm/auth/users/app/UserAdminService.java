package io.voidvm.auth.users.app;

import io.voidvm.auth.access.domain.Admins;
import io.voidvm.auth.audit.app.AuditLog;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.identity.Lockout;
import io.voidvm.auth.identity.NewUserAccount;
import io.voidvm.auth.identity.UserAccount;
import io.voidvm.auth.identity.UserDirectory;
import io.voidvm.auth.tenancy.app.TenantService;
import io.voidvm.auth.tenancy.domain.MemberRole;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.util.Objects;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** User administration for admins, through Keycloak: list, create, disable/enable, reset MFA, unlock. */
@Service
public class UserAdminService {

    private static final String USER = "user";

    private final UserDirectory users;
    private final TenantService tenants;
    private final AuditLog audit;

    public UserAdminService(UserDirectory users, TenantService tenants, AuditLog audit) {
        this.users = Objects.requireNonNull(users, "users");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Keycloak pages by offset, so the cursor carries the next offset. */
    public Mono<CursorPage<UserAccount>> list(Caller caller, String search, PageRequest page) {
        return Mono.fromSupplier(() -> {
                    Admins.require(caller);
                    return page.after().map(UserAdminService::offset).orElse(0);
                })
                .flatMap(offset -> users.search(search, offset, page.fetchSize())
                        .map(found -> CursorPage.of(found, page,
                                last -> Cursor.of(String.valueOf(offset + page.limit())))));
    }

    public Mono<AdminUserDetails> get(Caller caller, String userId) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> existing(userId))
                .zipWith(users.lockout(userId), AdminUserDetails::new);
    }

    /**
     * Creates the user; with a tenant, the user becomes its member, and a tenant that does not exist yet is created
     * with them (ADR 0018).
     */
    public Mono<AdminUserDetails> create(Caller caller, NewUserAccount user) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .then(Mono.defer(() -> users.create(user)))
                .flatMap(id -> (user.tenantId() == null
                        ? Mono.<Void>empty()
                        : tenants.addMember(caller, user.tenantId(), id, MemberRole.MEMBER).then())
                        .then(audit.record(AuditAction.USER_CREATED, caller.subject(), user.tenantId(), id,
                                "username=" + user.username() + " admin=" + user.admin()))
                        .then(get(caller, id)));
    }

    public Mono<Void> setEnabled(Caller caller, String userId, boolean enabled) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> existing(userId))
                .flatMap(user -> users.setEnabled(userId, enabled)
                        .then(audit.record(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                                caller.subject(), user.tenantId(), userId, "username=" + user.username())));
    }

    /** Removes the user's OTP devices; admins must then set one up again before they can log in. */
    public Mono<Integer> resetMfa(Caller caller, String userId) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> existing(userId))
                .flatMap(user -> users.removeOtpCredentials(userId)
                        .flatMap(removed -> audit.record(AuditAction.USER_MFA_RESET, caller.subject(),
                                user.tenantId(), userId, "removedOtpCredentials=" + removed).thenReturn(removed)));
    }

    public Mono<Lockout> unlock(Caller caller, String userId) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> existing(userId))
                .flatMap(user -> users.unlock(userId)
                        .then(audit.record(AuditAction.USER_UNLOCKED, caller.subject(), user.tenantId(), userId,
                                "username=" + user.username())))
                .then(Mono.defer(() -> users.lockout(userId)));
    }

    private Mono<UserAccount> existing(String userId) {
        return users.find(userId).switchIfEmpty(Mono.error(() -> new NotFoundException(USER, userId)));
    }

    private static int offset(Cursor cursor) {
        try {
            int offset = Integer.parseInt(cursor.key(0));
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(Cursor.PARAMETER, "is not a cursor returned by this API");
        }
    }

    /** A user with what brute-force detection knows about them. */
    public record AdminUserDetails(UserAccount user, Lockout lockout) {
    }
}
