package io.voidvm.testsupport.kafka;

import io.voidvm.testsupport.process.CacheDirs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a broker child JVM is started with: its {@code server.properties}, a quiet log4j2 configuration and the
 * {@code java} argv. Pure text building, no I/O except reading the classpath resource written at build time.
 */
final class BrokerLaunch {

    static final String CLASSPATH_RESOURCE = "broker.classpath";
    static final String LOG_DIRS = "kafka-logs";
    static final int DEFAULT_PARTITIONS = 3;
    static final String BROKER_MAIN = "kafka.Kafka";
    static final String STORAGE_TOOL_MAIN = "kafka.tools.StorageTool";

    private BrokerLaunch() {
    }

    static String serverProperties(KafkaBroker.Settings settings) {
        String broker = "127.0.0.1:" + settings.port();
        String controller = "127.0.0.1:" + settings.controllerPort();
        List<String> lines = List.of(
                "# written by voidVM test-support on every start; edits are overwritten",
                "node.id=1",
                "process.roles=broker,controller",
                "controller.quorum.bootstrap.servers=" + controller,
                "listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + settings.dataDir().toAbsolutePath().resolve(LOG_DIRS),
                "num.partitions=" + DEFAULT_PARTITIONS,
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                // one node: internal topics must not ask for replicas that can never exist
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // consumers join at once instead of waiting 3 s for more members
                "group.initial.rebalance.delay.ms=0",
                // after a kill the controller holds the dead incarnation's session until it expires (default 9 s)
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=3000");
        return String.join("\n", lines) + "\n";
    }

    /** WARN and above to stdout (which the parent appends to the broker log), plus the one "started" line. */
    static String log4jConfig() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="stdout" target="SYSTEM_OUT">
                      <PatternLayout pattern="%d{ISO8601} %-5p [%c{1}] %m%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    <!-- warns about closing an already closed client on every clean shutdown -->
                    <Logger name="org.apache.kafka.clients.NetworkClient" level="ERROR"/>
                    <Root level="WARN">
                      <AppenderRef ref="stdout"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """;
    }

    /** {@code java <flags> -cp <classpath> <mainClass> <args>} for a broker-side JVM (broker or storage tool). */
    static List<String> javaCommand(Path java, int javaFeature, String classpath, Path log4jConfig,
                                    String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath(),
                // console output needs no flush at exit; the hook only warns when a logger is first used late
                "-Dlog4j2.shutdownHookEnabled=false"));
        if (javaFeature >= 19) {
            // a class-data archive, written at the first graceful exit, takes ~2 s off every later start
            command.addAll(List.of("-XX:+AutoCreateSharedArchive",
                    "-XX:SharedArchiveFile=" + classDataArchive(java, classpath, mainClass),
                    // the dump lists every class it skips; that is not news for the broker log
                    "-Xlog:cds*=off", "-Xlog:aot*=off"));
        }
        if (javaFeature >= 24) {
            // Kafka's buffer unmapper would print a JDK 24+ warning into the broker log. (Not also
            // --enable-native-access: it differs from the JDK's base archive and disables part of the CDS gain.)
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        return command;
    }

    /** One archive per JDK, classpath and main class, shared by every broker on this machine. */
    static Path classDataArchive(Path java, String classpath, String mainClass) {
        String key = java.toAbsolutePath() + "\n" + classpath + "\n" + mainClass;
        String hash = Integer.toHexString(key.hashCode());
        return CacheDirs.voidvm("kafka-cds").resolve(mainClass + "-" + hash + ".jsa");
    }

    /** The broker jars, as resolved from the local Maven repository when test-support was built. */
    static String classpath() {
        String classpath;
        try (InputStream in = BrokerLaunch.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing from the test-support jar; build it"
                        + " with Maven (the dependency plugin writes it during generate-resources)");
            }
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE, e);
        }
        Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(jar -> !Files.isRegularFile(Path.of(jar)))
                .findFirst()
                .ifPresent(missing -> {
                    throw new IllegalStateException("broker jar " + missing + " is gone from the local Maven"
                            + " repository; rebuild test-support (without -o if it must be downloaded again)");
                });
        return classpath;
    }
}
