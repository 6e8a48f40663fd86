package io.voidvm.systemtests.hostile;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What one tenant has in every service's own tables, read straight from PostgreSQL (each service's schema in the
 * shared database): per table the rows that carry the tenant's id, and for tables of no tenant (tenants, pools,
 * dead-letter replays, nodes) all rows. Where a table has a {@code version} column its sum is read too, so a
 * refused request that changed a row is seen, not only one that added or removed rows.
 *
 * <p>Left out, because requests never write them and consumers do in the background: Flyway's history, consumed
 * message ids, and monitoring's metric samples (they flow while a VM runs). Audit rows Keycloak's events bring in
 * (logins) are left out for the same reason; auth-service's own audit rows count. A service's outbox counts the
 * messages whose envelope names the tenant. Versions of VMs, operations, volumes and nodes move with node reports,
 * so only their row counts are compared.
 */
public final class TenantRows {

    /** A reading: per {@code schema.table}, the row count and (where there is one) the sum of {@code version}. */
    public record Snapshot(Map<String, List<Long>> tables) {

        /** {@code table: before → after} for every table that differs from {@code before}. */
        public List<String> changesSince(Snapshot before) {
            List<String> changes = new ArrayList<>();
            Set<String> names = new TreeSet<>(tables.keySet());
            names.addAll(before.tables.keySet());
            for (String table : names) {
                List<Long> was = before.tables.get(table);
                List<Long> now = tables.get(table);
                if (!Objects.equals(was, now)) {
                    changes.add(table + " " + describe(was) + " → " + describe(now));
                }
            }
            return changes;
        }

        private static String describe(List<Long> reading) {
            if (reading == null) {
                return "absent";
            }
            return reading.size() == 1 ? reading.getFirst() + " rows"
                    : reading.getFirst() + " rows, versions " + reading.get(1);
        }
    }

    private static final Set<String> BACKGROUND = Set.of("flyway_schema_history", "processed_messages", "samples");
    private static final Set<String> VERSION_MOVES_ON_ITS_OWN = Set.of("vm.vms", "vm.operations", "vm.nodes",
            "storage.volumes");
    private static final Map<String, String> EXTRA_FILTER = Map.of("auth.audit_log", "source = 'auth-service'");

    private final Connection connection;
    private final String query;
    private final List<String> tables;

    private TenantRows(Connection connection, String query, List<String> tables) {
        this.connection = connection;
        this.query = query;
        this.tables = List.copyOf(tables);
    }

    /**
     * Reads the tables of {@code schemas} once, to build the one query every {@link #read()} runs.
     *
     * @param tenant a tenant id (a DNS label: it is put into the query as a literal)
     */
    public static TenantRows of(Connection connection, Collection<String> schemas, String tenant) {
        if (!tenant.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("not a tenant id: " + tenant);
        }
        Map<String, Set<String>> columns = new TreeMap<>();
        String listing = "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                + " AND t.table_name = c.table_name WHERE t.table_type = 'BASE TABLE' AND c.table_schema IN ("
                + String.join(", ", schemas.stream().map(schema -> "'" + schema + "'").toList()) + ")";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(listing)) {
            while (rows.next()) {
                if (!BACKGROUND.contains(rows.getString(2))) {
                    columns.computeIfAbsent(rows.getString(1) + "." + rows.getString(2), t -> new HashSet<>())
                            .add(rows.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of " + schemas, e);
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no tables in schemas " + schemas);
        }
        List<String> selects = new ArrayList<>();
        columns.forEach((table, names) -> selects.add(select(table, names, tenant)));
        return new TenantRows(connection, String.join("\nUNION ALL ", selects), new ArrayList<>(columns.keySet()));
    }

    public List<String> tables() {
        return tables;
    }

    public Snapshot read() {
        Map<String, List<Long>> readings = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                long versions = rows.getLong(3);
                readings.put(rows.getString(1), rows.wasNull() ? List.of(rows.getLong(2))
                        : List.of(rows.getLong(2), versions));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the tenant's rows", e);
        }
        return new Snapshot(readings);
    }

    /**
     * Reads until two readings {@code quiet} apart agree (what earlier requests set off has landed), at most
     * {@code atMost}; returns the last reading either way.
     */
    public Snapshot settled(Duration quiet, Duration atMost) {
        AtomicReference<Snapshot> last = new AtomicReference<>(read());
        try {
            await("the tenant's rows settled").pollDelay(quiet).pollInterval(quiet).atMost(atMost).until(() -> {
                Snapshot next = read();
                return next.equals(last.getAndSet(next));
            });
        } catch (ConditionTimeoutException stillMoving) {
            // the caller compares against the last reading; a change that keeps coming shows there
        }
        return last.get();
    }

    private static String select(String table, Set<String> columns, String tenant) {
        String versions = columns.contains("version") && !VERSION_MOVES_ON_ITS_OWN.contains(table)
                ? "coalesce(sum(version), 0)" : "NULL::numeric";
        List<String> filters = new ArrayList<>();
        if (columns.contains("tenant_id")) {
            // idempotency keys are scoped as tenant:<id>
            filters.add("tenant_id IN ('" + tenant + "', 'tenant:" + tenant + "')");
        } else if (table.endsWith(".outbox")) {
            filters.add("position(convert_to('\"" + tenant + "\"', 'UTF8') in payload) > 0");
        }
        if (EXTRA_FILTER.containsKey(table)) {
            filters.add(EXTRA_FILTER.get(table));
        }
        return "SELECT '" + table + "', count(*), " + versions + " FROM " + table
                + (filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters));
    }
}
