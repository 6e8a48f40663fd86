package io.voidvm.servicekit.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service on service-kit, for slice tests of what a real service gets by adding the dependency. */
@SpringBootApplication
public class TestApplication {

    /** Auto-configurations to exclude for web slices that run without PostgreSQL. */
    public static final String NO_DATABASE = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";
}
