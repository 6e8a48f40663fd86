package io.voidvm.launcher.infra;

import io.voidvm.launcher.home.DataHome;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.RealmFiles;
import io.voidvm.testsupport.postgres.PostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Starts each infrastructure server with durable data under the data dir, through test-support's real servers.
 * Each call blocks until its server answers; the caller runs them in parallel.
 */
public final class InfraStarter {

    /** Keycloak's master-realm admin for the local stack only; never used on Kubernetes. */
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    private final DataHome home;
    private final Path repoRoot;

    public InfraStarter(DataHome home, Path repoRoot) {
        this.home = home;
        this.repoRoot = repoRoot;
    }

    public RunningInfra start(Infra infra) {
        return switch (infra) {
            case POSTGRES -> postgres();
            case KAFKA -> kafka();
            case KEYCLOAK -> keycloak();
        };
    }

    private RunningInfra postgres() {
        PostgresServer server = PostgresServer.start(new PostgresServer.Settings(home.postgres(), Infra.POSTGRES.port()));
        try {
            server.createDatabaseIfMissing(Infra.DATABASE);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return new RunningInfra(Infra.POSTGRES, server::stop, () -> postmaster(home.postgres()).stream().toList());
    }

    private RunningInfra kafka() {
        KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Settings(home.kafka(), Infra.KAFKA.port(),
                Infra.KAFKA.secondPort(), home.log("kafka")));
        return new RunningInfra(Infra.KAFKA, broker::stop, () -> Descendants.mentioning(home.kafka().toString()));
    }

    private RunningInfra keycloak() {
        Path realm = RealmFiles.writeRealmWithUsers(repoRoot.resolve("keycloak/voidvm-realm.json"),
                repoRoot.resolve("keycloak/demo-users.json"), home.realmFile());
        KeycloakServer server = KeycloakServer.start(new KeycloakServer.Settings(home.keycloak(),
                Infra.KEYCLOAK.port(), Infra.KEYCLOAK.secondPort(), realm, home.log("keycloak"),
                KEYCLOAK_ADMIN, KEYCLOAK_ADMIN_PASSWORD));
        return new RunningInfra(Infra.KEYCLOAK, server::stop, () -> Descendants.mentioning(home.keycloak().toString()));
    }

    /**
     * Ends the processes of a start that is still in progress (a stop signal during start-up), so the blocked
     * start fails at once instead of waiting minutes for a server nobody wants any more.
     */
    public void abandon(Infra infra) {
        List<ProcessHandle> starting = switch (infra) {
            // zonky's pg_ctl start returns within seconds either way
            case POSTGRES -> List.of();
            case KAFKA -> Descendants.mentioning(home.kafka().toString());
            case KEYCLOAK -> Descendants.mentioning(home.keycloak().toString());
        };
        starting.forEach(ProcessHandle::destroy);
    }

    /**
     * pg_ctl daemonizes the postmaster, so it is no child of ours: its pid is the first line of postmaster.pid.
     * Backends are its children and go with it.
     */
    public static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
