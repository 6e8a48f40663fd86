package io.voidvm.testsupport.keycloak;

import io.voidvm.testsupport.process.FreePorts;
import io.voidvm.testsupport.process.ManagedProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real Keycloak ({@code kc.sh start-dev}, H2 file database) on 127.0.0.1. Either the per-JVM {@link #shared()}
 * server for tests (realm with demo and test users, throw-away data) or a durable one for the local stack
 * ({@link #start(Settings)}) whose home keeps its database; the realm is imported only while it does not exist.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Where a server keeps its home (database, conf), its ports, realm import file, log and bootstrap admin. */
    public record Settings(Path home, int httpPort, int managementPort, Path realmFile, Path logFile,
                           String adminUser, String adminPassword) {
        public Settings {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(realmFile, "realmFile");
            Objects.requireNonNull(logFile, "logFile");
            requirePort(httpPort, "httpPort");
            requirePort(managementPort, "managementPort");
            if (httpPort == managementPort) {
                throw new IllegalArgumentException("httpPort and managementPort must differ: " + httpPort);
            }
            if (adminUser == null || adminUser.isBlank() || adminPassword == null || adminPassword.isBlank()) {
                throw new IllegalArgumentException("adminUser and adminPassword must be set");
            }
        }

        private static void requirePort(int port, String name) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException(name + " must be 1..65535, was " + port);
            }
        }

        @Override
        public String toString() {
            return "Settings[home=" + home + ", httpPort=" + httpPort + ", managementPort=" + managementPort
                    + ", realmFile=" + realmFile + ", adminUser=" + adminUser + ", adminPassword=***]";
        }
    }

    /** First start of a fresh cache augments (~30 s) before importing; later starts take 10-40 s. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String REALM_IMPORT_NAME = "voidvm-realm.json";
    /** Marks a cached distribution whose shared lib/quarkus already holds the dev-mode build. */
    private static final String AUGMENTED_MARKER = ".voidvm-dev-augmented";
    private static final Object FIRST_START_IN_THIS_JVM = new Object();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static KeycloakServer shared;

    private final Settings settings;
    private final ManagedProcess process;

    private KeycloakServer(Settings settings, ManagedProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /**
     * The server shared by every test in this JVM: realm {@value VoidvmRealm#NAME} with the demo and test users,
     * free ports, data in a temporary home deleted at JVM exit. Started from a cached database snapshot of the
     * freshly imported realm, so only the first run on a machine pays for the import.
     */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = SharedKeycloak.start();
        }
        return shared;
    }

    /** Starts a server for {@code settings}; an existing home keeps its database and skips the realm import. */
    public static KeycloakServer start(Settings settings) {
        Path distribution = KeycloakDistribution.unpacked();
        KeycloakDistribution.prepareHome(distribution, settings.home());
        try {
            Files.copy(settings.realmFile(), settings.home().resolve("data/import").resolve(REALM_IMPORT_NAME),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy realm file " + settings.realmFile(), e);
        }
        Path marker = distribution.resolve(AUGMENTED_MARKER);
        if (Files.exists(marker)) {
            return launch(settings);
        }
        // The first start-dev rewrites the shared lib/quarkus; two at once (two JVMs, or tests beside the
        // local stack) would corrupt it, so the first start on a machine runs alone.
        synchronized (FIRST_START_IN_THIS_JVM) {
            try (FileChannel channel = FileChannel.open(distribution.resolve(".voidvm-first-start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                KeycloakServer server = launch(settings);
                Files.writeString(marker, "dev-mode build done\n");
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + distribution, e);
            }
        }
    }

    private static KeycloakServer launch(Settings settings) {
        Path java = ManagedProcess.javaExecutable(21);
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", java.getParent().getParent().toString());
        environment.put("JAVA_OPTS_APPEND", javaOptsAppend(ManagedProcess.javaFeatureOf(java)));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        List<String> command = List.of(
                settings.home().resolve("bin/kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-host=127.0.0.1",
                "--http-port=" + settings.httpPort(),
                "--health-enabled=true",
                "--http-management-port=" + settings.managementPort());
        ManagedProcess process = ManagedProcess.start("keycloak", command, settings.home(), environment,
                settings.logFile());
        URI ready = URI.create("http://127.0.0.1:" + settings.managementPort() + "/health/ready");
        process.awaitReady(START_TIMEOUT, () -> answers200(ready));
        return new KeycloakServer(settings, process);
    }

    /** {@code java.lang} opens avoid an IllegalAccessError in jboss-threads at shutdown; JDK 23+ warns on Unsafe. */
    static String javaOptsAppend(int javaFeature) {
        String opens = "--add-opens=java.base/java.lang=ALL-UNNAMED";
        return javaFeature >= 23 ? opens + " --sun-misc-unsafe-memory-access=allow" : opens;
    }

    static boolean answers200(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Free loopback ports for a new server. */
    static int[] freePorts() {
        int http = FreePorts.next();
        int management = FreePorts.next();
        while (management == http) {
            management = FreePorts.next();
        }
        return new int[] {http, management};
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8180}. */
    public String url() {
        return "http://127.0.0.1:" + settings.httpPort();
    }

    /** Issuer of realm {@value VoidvmRealm#NAME}: what resource servers put in {@code issuer-uri}. */
    public String issuerUri() {
        return url() + "/realms/" + VoidvmRealm.NAME;
    }

    /** A token client for this server's realm. */
    public KeycloakTokens tokens() {
        return new KeycloakTokens(issuerUri());
    }

    public Settings settings() {
        return settings;
    }

    /** Master-realm administrator, for the admin REST API. */
    public String adminUser() {
        return settings.adminUser();
    }

    public String adminPassword() {
        return settings.adminPassword();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM (Keycloak stops in about a second), SIGKILL after 20 s; the home is kept. */
    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + url() + ", home " + settings.home() + "]";
    }
}
