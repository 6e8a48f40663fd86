package io.voidvm.testsupport.postgres;

import io.voidvm.testsupport.junit.PostgresExtension;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.testsupport.process.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class PostgresServerIT {

    @Test
    void sharedServerAnswersSqlAndIsExportedForSpring(PostgresServer server) throws SQLException {
        assertThat(server).isSameAs(PostgresServer.shared());
        assertThat(System.getProperty("spring.r2dbc.url"))
                .isEqualTo("r2dbc:postgresql://127.0.0.1:" + server.port() + "/voidvm");
        assertThat(System.getProperty("spring.flyway.url")).isEqualTo(server.jdbcUrl(PostgresExtension.DATABASE));
        assertThat(System.getProperty(PostgresExtension.JDBC_URL_PROPERTY)).isEqualTo(server.jdbcUrl("voidvm"));

        try (Connection connection = server.connect(PostgresExtension.DATABASE);
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE round_trip (id uuid PRIMARY KEY, name text NOT NULL)");
            sql.execute("INSERT INTO round_trip VALUES (gen_random_uuid(), 'alpha'), (gen_random_uuid(), 'beta')");
            assertThat(names(sql, "SELECT name FROM round_trip ORDER BY name")).containsExactly("alpha", "beta");
            assertThat(names(sql, "SHOW server_version")).singleElement().asString().startsWith("17.");
        }
    }

    @Test
    void createDatabaseIfMissingIsIdempotent(PostgresServer server) throws SQLException {
        server.createDatabaseIfMissing("idempotent_db");
        server.createDatabaseIfMissing("idempotent_db");

        try (Connection connection = server.connect("postgres"); Statement sql = connection.createStatement()) {
            assertThat(names(sql, "SELECT datname FROM pg_database WHERE datname = 'idempotent_db'")).hasSize(1);
        }
    }

    @Test
    void durableServerKeepsDataAcrossStopAndStart(@TempDir Path dir) throws SQLException {
        PostgresServer.Settings settings = new PostgresServer.Settings(dir.resolve("pgdata"), FreePorts.next());

        try (PostgresServer first = PostgresServer.start(settings)) {
            first.createDatabaseIfMissing("durable");
            try (Connection connection = first.connect("durable"); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE kept (value text)");
                sql.execute("INSERT INTO kept VALUES ('written before the restart')");
            }
        }

        try (PostgresServer second = PostgresServer.start(settings);
             Connection connection = second.connect("durable");
             Statement sql = connection.createStatement()) {
            assertThat(second.port()).isEqualTo(settings.port());
            assertThat(names(sql, "SELECT value FROM kept")).containsExactly("written before the restart");
        }
    }

    private static List<String> names(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
