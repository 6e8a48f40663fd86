package io.voidvm.launcher.home;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the local stack keeps everything it must not lose between runs ({@code .voidvm/} or {@code $VOIDVM_HOME}):
 * one folder per component, the logs, and {@code run/} for pid files that exist only while the stack runs.
 */
public record DataHome(Path root) {

    public DataHome {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    /** The broker's KRaft metadata; the test-support broker keeps its log dirs in {@code kafka/kafka-logs}. */
    public Path kafkaMetaProperties() {
        return kafka().resolve("kafka-logs").resolve("meta.properties");
    }

    public Path keycloak() {
        return root.resolve("keycloak");
    }

    /** The realm export with the demo users merged in, rewritten on every start. */
    public Path realmFile() {
        return root.resolve("config").resolve("voidvm-realm.json");
    }

    /** A service's own data and working dir (node-agent state dir, image blobs, ...). */
    public Path serviceData(String service) {
        return root.resolve(service);
    }

    /** Rebuildable speed-ups for a service's JVM (extracted jar, CDS archive); safe to delete. */
    public Path jvmCache(String service) {
        return root.resolve("cache").resolve(service);
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path run() {
        return root.resolve("run");
    }
}
