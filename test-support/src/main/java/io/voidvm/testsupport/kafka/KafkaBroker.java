package io.voidvm.testsupport.kafka;

import io.voidvm.testsupport.process.FreePorts;
import io.voidvm.testsupport.process.ManagedProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller) in a child JVM on 127.0.0.1. A child
 * process, not an in-JVM broker, so that tests can stop, kill and restart it on the same port and data, as
 * happens to a real broker; the local stack runs it the same way.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Where the broker keeps its data, its two ports, and the file its output is appended to. */
    public record Settings(Path dataDir, int port, int controllerPort, Path logFile) {
        public Settings {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(logFile, "logFile");
            checkPort("port", port);
            checkPort("controllerPort", controllerPort);
            if (port == controllerPort) {
                throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
            }
        }

        private static void checkPort(String name, int value) {
            if (value < 1 || value > 65_535) {
                throw new IllegalArgumentException(name + " must be 1..65535, was " + value);
            }
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static KafkaBroker shared;

    private final Settings settings;
    private ManagedProcess process;

    private KafkaBroker(Settings settings) {
        this.settings = settings;
    }

    /** The broker shared by every test in this JVM: started on first use, killed and deleted at JVM exit. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            Path dataDir = createTempDir();
            int port = FreePorts.next();
            int controllerPort = FreePorts.next();
            while (controllerPort == port) {
                controllerPort = FreePorts.next();
            }
            KafkaBroker broker = start(new Settings(dataDir, port, controllerPort, sharedLogFile(dataDir)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // a kill is faster, but only a graceful exit writes the class-data archive later starts reuse
                if (broker.classDataArchiveMissing()) {
                    broker.stop();
                } else {
                    broker.kill();
                }
                deleteRecursively(dataDir);
            }, "kafka-broker-cleanup"));
            shared = broker;
        }
        return shared;
    }

    /** Starts a broker; a data directory formatted by an earlier start is reused with its topics and records. */
    public static KafkaBroker start(Settings settings) {
        KafkaBroker broker = new KafkaBroker(settings);
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + settings.port();
    }

    public Settings settings() {
        return settings;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Graceful shutdown (SIGTERM: the broker flushes and closes its logs), SIGKILL after 30 s. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(STOP_GRACE);
            process = null;
        }
    }

    /** SIGKILL, as a crash would; the next start recovers the logs. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** Stops the broker if it runs, then starts it again on the same ports and data directory. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Creates {@code name} with replication factor 1 unless it already exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + name + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /** An admin client for this broker with short timeouts; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200));
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + settings.dataDir() + "]";
    }

    private synchronized void launch() {
        if (isRunning()) {
            throw new IllegalStateException(this + " is already running");
        }
        Path dataDir = settings.dataDir().toAbsolutePath();
        Path properties = dataDir.resolve("server.properties");
        Path log4j = dataDir.resolve("log4j2.xml");
        write(properties, BrokerLaunch.serverProperties(settings));
        write(log4j, BrokerLaunch.log4jConfig());
        Path java = ManagedProcess.javaExecutable(17);
        int javaFeature = ManagedProcess.javaFeatureOf(java);
        String classpath = BrokerLaunch.classpath();
        if (!Files.exists(dataDir.resolve(BrokerLaunch.LOG_DIRS).resolve("meta.properties"))) {
            format(java, javaFeature, classpath, log4j, properties);
        }
        List<String> command = BrokerLaunch.javaCommand(java, javaFeature, classpath, log4j, BrokerLaunch.BROKER_MAIN,
                List.of(properties.toString()));
        process = ManagedProcess.start("kafka-broker", command, dataDir, Map.of(), settings.logFile());
        process.awaitReady(START_TIMEOUT,
                () -> ManagedProcess.isListening("127.0.0.1", settings.port()) && clusterAnswers());
    }

    private void format(Path java, int javaFeature, String classpath, Path log4j, Path properties) {
        List<String> args = List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString());
        List<String> command = BrokerLaunch.javaCommand(java, javaFeature, classpath, log4j,
                BrokerLaunch.STORAGE_TOOL_MAIN, args);
        ManagedProcess formatter = ManagedProcess.start("kafka-storage-format", command, settings.dataDir(), Map.of(),
                settings.logFile());
        int exitCode = formatter.awaitExit(Duration.ofSeconds(60));
        if (exitCode != 0) {
            throw new IllegalStateException("formatting " + settings.dataDir() + " failed with exit code " + exitCode
                    + "; last log lines:\n" + formatter.logTail(20));
        }
    }

    private boolean classDataArchiveMissing() {
        Path java = ManagedProcess.javaExecutable(17);
        return ManagedProcess.javaFeatureOf(java) >= 19 && !Files.exists(
                BrokerLaunch.classDataArchive(java, BrokerLaunch.classpath(), BrokerLaunch.BROKER_MAIN));
    }

    private boolean clusterAnswers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path sharedLogFile(Path dataDir) {
        // keep the shared broker's log where a failed build can be inspected, when running under Maven
        Path target = Path.of("target");
        return Files.isDirectory(target) ? target.toAbsolutePath().resolve("kafka-broker.log")
                : dataDir.resolve("broker.log");
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("voidvm-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory", e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit: a leftover temp dir is harmless
        }
    }
}
