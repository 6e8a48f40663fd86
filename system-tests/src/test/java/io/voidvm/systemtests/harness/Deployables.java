package io.voidvm.systemtests.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the fat jars under test are: {@code vm-service/target/vm-service.jar} and
 * {@code node-agent/target/node-agent.jar} below the repository root. The root comes from
 * {@code -Dvoidvm.repo.root} (set by this module's pom), else the nearest parent of the working directory
 * that holds both modules.
 */
public record Deployables(Path repoRoot, Path vmServiceJar, Path nodeAgentJar) {

    public static final String ROOT_PROPERTY = "voidvm.repo.root";

    public static Deployables locate() {
        Path root = findRepoRoot();
        Deployables jars = new Deployables(root, root.resolve("vm-service/target/vm-service.jar"),
                root.resolve("node-agent/target/node-agent.jar"));
        for (Path jar : new Path[] {jars.vmServiceJar(), jars.nodeAgentJar()}) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it first, e.g. "
                        + "./mvnw -pl system-tests -am -DskipTests package");
            }
        }
        return jars;
    }

    /** {@code <module>/target/<module>.jar}, which must have been built. */
    public Path jar(String module) {
        Path jar = repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first, e.g. "
                    + "./mvnw -pl system-tests -am -DskipTests package");
        }
        return jar;
    }

    private static Path findRepoRoot() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("vm-service")) && Files.isDirectory(dir.resolve("node-agent"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath()
                + "; set -D" + ROOT_PROPERTY + "=<dir>");
    }
}
