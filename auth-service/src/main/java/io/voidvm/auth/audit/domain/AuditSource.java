package io.voidvm.auth.audit.domain;

/** Where an audit entry came from. */
public enum AuditSource {
    AUTH_SERVICE("auth-service"),
    KEYCLOAK("keycloak");

    private final String key;

    AuditSource(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static AuditSource fromKey(String key) {
        return key.equals(KEYCLOAK.key) ? KEYCLOAK : AUTH_SERVICE;
    }
}
