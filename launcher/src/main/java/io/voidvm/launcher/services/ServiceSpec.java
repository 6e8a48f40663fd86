package io.voidvm.launcher.services;

import io.voidvm.launcher.infra.Infra;
import io.voidvm.launcher.ports.PortClaim;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One Spring Boot service of the stack: its component name (also its log, pid file and data dir name), the module
 * whose jar it runs (a second node agent is component {@code node-agent-2} of module {@code node-agent}), its HTTP
 * port, the infrastructure it needs before it can start, and the environment that points it at its local data.
 */
public record ServiceSpec(String name, String module, int port, Set<Infra> needs, Map<String, String> environment) {

    public ServiceSpec {
        needs = Set.copyOf(needs);
        environment = Map.copyOf(environment);
    }

    /** A service that is the only component of its module. */
    public ServiceSpec(String name, int port, Set<Infra> needs, Map<String, String> environment) {
        this(name, name, port, needs, environment);
    }

    /** {@code <repo>/<module>/target/<module>.jar}, as each module's {@code finalName} says. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public URI readiness() {
        return URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    }

    public PortClaim portClaim() {
        return new PortClaim(name, "http", port);
    }
}
