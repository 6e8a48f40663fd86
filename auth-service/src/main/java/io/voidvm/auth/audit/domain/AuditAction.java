package io.voidvm.auth.audit.domain;

/** What happened. The names are stored and returned as they are, so they are never renamed. */
public enum AuditAction {
    TENANT_CREATED,
    TENANT_UPDATED,
    TENANT_DELETED,
    MEMBER_ADDED,
    MEMBER_REMOVED,
    QUOTA_CHANGED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    TOKEN_EXPIRED,
    USER_CREATED,
    USER_DISABLED,
    USER_ENABLED,
    USER_MFA_RESET,
    USER_UNLOCKED,
    PROFILE_UPDATED,
    /** From Keycloak: a wrong password, or a login attempt while locked ({@code user_temporarily_disabled}). */
    LOGIN_FAILED,
    /** From Keycloak: brute-force detection disabled the account. */
    USER_LOCKED_OUT
}
