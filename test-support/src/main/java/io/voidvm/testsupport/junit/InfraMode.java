package io.voidvm.testsupport.junit;

import java.util.Locale;

/**
 * Where the JUnit extensions get their servers from. DESIGN §10 wants Testcontainers wherever a Docker engine
 * exists and the embedded servers elsewhere, behind the same extensions. Only {@link #EMBEDDED} is implemented:
 * this project's CI has no Docker. Adding containers means a branch in each extension's {@code switch} and a
 * container-backed server type beside {@code PostgresServer}/{@code KafkaBroker}; tests would not change.
 */
public enum InfraMode {
    /** Servers from test-support itself: zonky PostgreSQL, a Kafka broker child JVM. */
    EMBEDDED,
    /** Testcontainers; reserved, fails fast until implemented. */
    CONTAINERS;

    /** System property (or environment variable {@code VOIDVM_TEST_INFRA}) choosing the mode. */
    public static final String PROPERTY = "voidvm.test.infra";

    public static InfraMode current() {
        String configured = System.getProperty(PROPERTY, System.getenv("VOIDVM_TEST_INFRA"));
        if (configured == null || configured.isBlank()) {
            return EMBEDDED;
        }
        try {
            return valueOf(configured.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + " must be 'embedded' or 'containers', was '" + configured + "'", e);
        }
    }

    UnsupportedOperationException unsupported(String server) {
        return new UnsupportedOperationException(server + " in " + PROPERTY + "=" + name().toLowerCase(Locale.ROOT)
                + " mode is not implemented; use 'embedded'");
    }
}
