package io.voidvm.servicekit.tenancy.domain;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tenant filter of a query, decided once from the {@link Caller}, so no repository writes its own
 * "unless admin" branch. Repositories append {@link #sqlPredicate(String)} to their WHERE clause and bind
 * {@link #bindings()}:
 * <pre>{@code
 *   TenantScope scope = caller.scope();
 *   String sql = "SELECT * FROM vm WHERE id = :id AND " + scope.sqlPredicate("tenant_id");
 *   scope.bindings().forEach(spec::bind);
 * }</pre>
 */
public sealed interface TenantScope {

    /** Named parameter the predicate binds. */
    String PARAMETER = "scopeTenantId";

    static TenantScope allTenants() {
        return AllTenants.INSTANCE;
    }

    static TenantScope tenant(String tenantId) {
        return new SingleTenant(tenantId);
    }

    /** SQL boolean expression over the given tenant column. */
    String sqlPredicate(String column);

    /** Values for the named parameters {@link #sqlPredicate(String)} uses. */
    Map<String, Object> bindings();

    /** Whether a row owned by {@code tenantId} is visible (for checks done in code, not SQL). */
    boolean includes(String tenantId);

    /** An admin's scope: every tenant. */
    enum AllTenants implements TenantScope {
        INSTANCE;

        @Override
        public String sqlPredicate(String column) {
            Columns.check(column);
            return "TRUE";
        }

        @Override
        public Map<String, Object> bindings() {
            return Map.of();
        }

        @Override
        public boolean includes(String tenantId) {
            return true;
        }
    }

    /** A tenant member's scope: their own tenant's rows only. */
    record SingleTenant(String tenantId) implements TenantScope {

        public SingleTenant {
            Objects.requireNonNull(tenantId, "tenantId");
        }

        @Override
        public String sqlPredicate(String column) {
            return Columns.check(column) + " = :" + PARAMETER;
        }

        @Override
        public Map<String, Object> bindings() {
            return Map.of(PARAMETER, tenantId);
        }

        @Override
        public boolean includes(String rowTenantId) {
            return tenantId.equals(rowTenantId);
        }
    }

    /** Column names go into SQL text, so only plain (optionally qualified) identifiers are accepted. */
    final class Columns {
        private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

        private Columns() {
        }

        static String check(String column) {
            if (column == null || !IDENTIFIER.matcher(column).matches()) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
            return column;
        }
    }
}
