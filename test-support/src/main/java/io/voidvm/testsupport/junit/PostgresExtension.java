package io.voidvm.testsupport.junit;

import io.voidvm.testsupport.postgres.PostgresServer;

/**
 * Backs {@link WithPostgres}: the shared PostgreSQL server, database {@value #DATABASE}, and the system
 * properties Spring Boot reads for R2DBC and Flyway (Flyway needs its own JDBC URL beside R2DBC).
 */
public final class PostgresExtension extends SharedServerExtension<PostgresServer> {

    /** The database tests and Spring contexts use. */
    public static final String DATABASE = "voidvm";
    /** JDBC URL of {@value #DATABASE}, for tests that talk SQL directly. */
    public static final String JDBC_URL_PROPERTY = "voidvm.test.postgres.jdbc-url";

    private static PostgresServer exported;

    public PostgresExtension() {
        super(PostgresServer.class);
    }

    @Override
    PostgresServer server() {
        return sharedServer();
    }

    /** The shared server with its properties exported; usable outside JUnit too (e.g. from a benchmark). */
    public static synchronized PostgresServer sharedServer() {
        if (exported == null) {
            InfraMode mode = InfraMode.current();
            PostgresServer server = switch (mode) {
                case EMBEDDED -> PostgresServer.shared();
                case CONTAINERS -> throw mode.unsupported("PostgreSQL");
            };
            server.createDatabaseIfMissing(DATABASE);
            System.setProperty(JDBC_URL_PROPERTY, server.jdbcUrl(DATABASE));
            System.setProperty("spring.r2dbc.url", server.r2dbcUrl(DATABASE));
            System.setProperty("spring.r2dbc.username", server.username());
            System.setProperty("spring.r2dbc.password", server.password());
            System.setProperty("spring.flyway.url", server.jdbcUrl(DATABASE));
            System.setProperty("spring.flyway.user", server.username());
            System.setProperty("spring.flyway.password", server.password());
            exported = server;
        }
        return exported;
    }
}
