package io.voidvm.launcher.home;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Looks for a data dir that the servers would choke on (or, worse, silently re-initialise) before anything
 * starts. It only reads: a problem is reported with its path and the data is left exactly as it is.
 */
public final class DataHomeCheck {

    private DataHomeCheck() {
    }

    /** Every problem found, each naming its path; empty when the stack may start. */
    public static List<String> problems(DataHome home) {
        List<String> problems = new ArrayList<>();
        Path root = home.root();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            problems.add(root + " is not a directory (it is the data dir: move it away or set VOIDVM_HOME)");
            return problems;
        }
        for (Path dir : List.of(home.postgres(), home.kafka(), home.keycloak(), home.logs(), home.run(),
                home.realmFile().getParent())) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                problems.add(dir + " should be a directory but is a file");
            }
        }
        if (problems.isEmpty()) {
            checkPostgres(home.postgres(), problems);
            checkKafka(home, problems);
        }
        return problems;
    }

    private static void checkPostgres(Path dataDir, List<String> problems) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(dataDir)) {
            entries = list.map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            problems.add("the PostgreSQL data dir " + dataDir + " cannot be read: " + e.getMessage());
            return;
        }
        // zonky leaves only its lock file in a directory it has not initialised yet
        if (entries.stream().allMatch("epg-lock"::equals)) {
            return;
        }
        Path version = dataDir.resolve("PG_VERSION");
        if (!Files.isRegularFile(version)) {
            problems.add("the PostgreSQL data dir " + dataDir + " has files but no PG_VERSION: it is not (or no longer)"
                    + " a PostgreSQL cluster");
            return;
        }
        try {
            String major = Files.readString(version, StandardCharsets.US_ASCII).strip();
            if (!major.matches("\\d{1,3}")) {
                problems.add(version + " does not hold a PostgreSQL version (found '" + abbreviate(major) + "')");
            }
        } catch (IOException e) {
            problems.add(version + " cannot be read: " + e.getMessage());
        }
        if (!Files.isRegularFile(dataDir.resolve("global").resolve("pg_control"))) {
            problems.add("the PostgreSQL data dir " + dataDir + " lacks global/pg_control: the cluster is damaged");
        }
    }

    private static void checkKafka(DataHome home, List<String> problems) {
        Path meta = home.kafkaMetaProperties();
        Path logDirs = meta.getParent();
        if (!Files.exists(meta)) {
            if (hasEntries(logDirs)) {
                problems.add("the Kafka log dir " + logDirs + " holds data but no meta.properties: it is damaged");
            }
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(meta + " cannot be read as Kafka metadata: " + e.getMessage());
            return;
        }
        String clusterId = properties.getProperty("cluster.id", "").strip();
        String nodeId = properties.getProperty("node.id", "").strip();
        if (!clusterId.matches("[A-Za-z0-9_-]{22}") || !nodeId.matches("\\d+")) {
            problems.add(meta + " is not valid Kafka metadata (needs cluster.id and node.id; found cluster.id='"
                    + abbreviate(clusterId) + "', node.id='" + abbreviate(nodeId) + "')");
        }
    }

    private static boolean hasEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
