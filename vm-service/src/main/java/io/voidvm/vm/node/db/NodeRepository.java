package io.voidvm.vm.node.db;

import io.r2dbc.spi.Readable;
import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.node.NodeResources;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.NodeState;
import java.time.Instant;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code nodes} table. Writers lock the row ({@code findForUpdate}) inside their transaction, so a heartbeat,
 * the liveness sweep and an admin's change of the same node never interleave; the version column guards every
 * update as well.
 */
@Repository
public class NodeRepository {

    private static final String COLUMNS = """
            name, state, state_changed_at, last_heartbeat_at, capacity_vcpus, capacity_memory_mb, capacity_disk_gb,
            allocatable_vcpus, allocatable_memory_mb, allocatable_disk_gb, kvm_available, qemu_version,
            agent_version, cordoned, draining, cpu_overcommit, memory_overcommit, version""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM nodes ";

    private final DatabaseClient db;

    public NodeRepository(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Every node, by name. */
    public Flux<Node> all() {
        return db.sql(SELECT + "ORDER BY name").map(NodeRepository::toNode).all();
    }

    /** One page of nodes by name; {@link PageRequest#fetchSize()} rows, so the caller sees whether more follow. */
    public Flux<Node> page(PageRequest page) {
        String after = page.after().map(NodeRepository::nameIn).orElse(null);
        GenericExecuteSpec spec = db.sql(SELECT + (after == null ? "" : "WHERE name > :after ") + "ORDER BY name"
                + " LIMIT :limit").bind("limit", page.fetchSize());
        return (after == null ? spec : spec.bind("after", after)).map(NodeRepository::toNode).all();
    }

    /** The cursor that continues a list after {@code node}. */
    public static Cursor cursorAfter(Node node) {
        return Cursor.of(node.name());
    }

    private static String nameIn(Cursor cursor) {
        if (cursor.keys().size() != 1 || !DnsLabel.isValid(cursor.key(0))) {
            throw new InvalidRequestException(Cursor.PARAMETER, "is not a cursor returned by this API");
        }
        return cursor.key(0);
    }

    public Mono<Node> find(String name) {
        return db.sql(SELECT + "WHERE name = :name").bind("name", name).map(NodeRepository::toNode).one();
    }

    public Mono<Node> findForUpdate(String name) {
        return db.sql(SELECT + "WHERE name = :name FOR UPDATE").bind("name", name).map(NodeRepository::toNode).one();
    }

    /** Locks the row against a concurrent change of its state while a VM of the node is decided on. */
    public Mono<Node> findForShare(String name) {
        return db.sql(SELECT + "WHERE name = :name FOR SHARE").bind("name", name).map(NodeRepository::toNode).one();
    }

    /** Stores a node heard of for the first time; completes with whether this call inserted it. */
    public Mono<Boolean> insertIfAbsent(Node node) {
        GenericExecuteSpec spec = db.sql("INSERT INTO nodes (" + COLUMNS + ") VALUES (:name, :state, :stateChangedAt,"
                + " :lastHeartbeatAt, :capacityVCpus, :capacityMemoryMb, :capacityDiskGb, :allocatableVCpus,"
                + " :allocatableMemoryMb, :allocatableDiskGb, :kvm, :qemuVersion, :agentVersion, :cordoned,"
                + " :draining, :cpuOvercommit, :memoryOvercommit, 0) ON CONFLICT (name) DO NOTHING");
        return bind(spec, node).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Stores every column of {@code node} if the row still has {@code node.version()}.
     *
     * @return the node with its version raised
     */
    public Mono<Node> update(Node node) {
        GenericExecuteSpec spec = db.sql("""
                UPDATE nodes SET state = :state, state_changed_at = :stateChangedAt,
                    last_heartbeat_at = :lastHeartbeatAt, capacity_vcpus = :capacityVCpus,
                    capacity_memory_mb = :capacityMemoryMb, capacity_disk_gb = :capacityDiskGb,
                    allocatable_vcpus = :allocatableVCpus, allocatable_memory_mb = :allocatableMemoryMb,
                    allocatable_disk_gb = :allocatableDiskGb, kvm_available = :kvm, qemu_version = :qemuVersion,
                    agent_version = :agentVersion, cordoned = :cordoned, draining = :draining,
                    cpu_overcommit = :cpuOvercommit, memory_overcommit = :memoryOvercommit, version = version + 1
                WHERE name = :name AND version = :version""");
        return bind(spec, node).bind("version", node.version())
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(withVersion(node, node.version() + 1))
                        : Mono.error(new IllegalStateException("node " + node.name() + " changed under a row lock")));
    }

    /** Names of READY nodes whose newest heartbeat is older than {@code oldestFresh}: candidates for NOT_READY. */
    public Flux<String> silentSince(Instant oldestFresh) {
        return db.sql("SELECT name FROM nodes WHERE state = 'READY' AND last_heartbeat_at < :oldest ORDER BY name")
                .bind("oldest", oldestFresh)
                .map(row -> row.get("name", String.class)).all();
    }

    /**
     * Locks a node for the liveness sweep, skipping it when another transaction (a heartbeat, another replica's
     * sweep) holds it: that one decides, and the next sweep looks again.
     */
    public Mono<Node> lockUnlessBusy(String name) {
        return db.sql(SELECT + "WHERE name = :name FOR UPDATE SKIP LOCKED").bind("name", name)
                .map(NodeRepository::toNode).one();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, Node node) {
        spec = spec.bind("name", node.name())
                .bind("state", node.state().name())
                .bind("stateChangedAt", node.stateChangedAt())
                .bind("lastHeartbeatAt", node.lastHeartbeatAt())
                .bind("capacityVCpus", node.capacity().vCpus())
                .bind("capacityMemoryMb", node.capacity().memoryMb())
                .bind("capacityDiskGb", node.capacity().diskGb())
                .bind("allocatableVCpus", node.allocatable().vCpus())
                .bind("allocatableMemoryMb", node.allocatable().memoryMb())
                .bind("allocatableDiskGb", node.allocatable().diskGb())
                .bind("kvm", node.kvmAvailable())
                .bind("agentVersion", node.agentVersion())
                .bind("cordoned", node.cordoned())
                .bind("draining", node.draining());
        spec = nullable(spec, "qemuVersion", node.qemuVersion(), String.class);
        spec = nullable(spec, "cpuOvercommit", node.cpuOvercommit(), Double.class);
        return nullable(spec, "memoryOvercommit", node.memoryOvercommit(), Double.class);
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Node withVersion(Node node, long version) {
        return new Node(node.name(), node.state(), node.stateChangedAt(), node.lastHeartbeatAt(), node.capacity(),
                node.allocatable(), node.kvmAvailable(), node.qemuVersion(), node.agentVersion(), node.cordoned(),
                node.draining(), node.cpuOvercommit(), node.memoryOvercommit(), version);
    }

    private static Node toNode(Readable row) {
        return new Node(
                row.get("name", String.class),
                NodeState.valueOf(row.get("state", String.class)),
                row.get("state_changed_at", Instant.class),
                row.get("last_heartbeat_at", Instant.class),
                new NodeResources(row.get("capacity_vcpus", Integer.class), row.get("capacity_memory_mb", Long.class),
                        row.get("capacity_disk_gb", Long.class)),
                new NodeResources(row.get("allocatable_vcpus", Integer.class),
                        row.get("allocatable_memory_mb", Long.class), row.get("allocatable_disk_gb", Long.class)),
                row.get("kvm_available", Boolean.class),
                row.get("qemu_version", String.class),
                row.get("agent_version", String.class),
                row.get("cordoned", Boolean.class),
                row.get("draining", Boolean.class),
                row.get("cpu_overcommit", Double.class),
                row.get("memory_overcommit", Double.class),
                row.get("version", Long.class));
    }
}
