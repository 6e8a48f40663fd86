package io.voidvm.testsupport.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code keycloak-quarkus-dist} zip, unpacked once per machine into a cache, and per-server homes that
 * share its (large, read-only) {@code lib/} while keeping {@code data/} and {@code conf/} to themselves.
 */
final class KeycloakDistribution {

    /** Overrides the zip's location (otherwise recorded at build time, then the default local repository). */
    static final String ZIP_PROPERTY = "voidvm.keycloak.dist-zip";
    /** Overrides the cache root ({@code $XDG_CACHE_HOME/voidvm} or {@code ~/.cache/voidvm}). */
    static final String CACHE_PROPERTY = "voidvm.cache.dir";

    static final String DEFAULT_VERSION = "26.5.6";
    /** Written by maven-dependency-plugin at build time: the zip's absolute path in the local repository. */
    private static final String RECORDED_PATH_RESOURCE = "keycloak-dist.path";
    private static final Set<PosixFilePermission> EXECUTABLE = Set.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    private KeycloakDistribution() {
    }

    /** The unpacked distribution ({@code <cache>/keycloak-<version>}), unpacking it on first use. */
    static Path unpacked() {
        Path zip = zip();
        String version = versionOf(zip);
        Path target = cacheRoot().resolve("keycloak-" + version);
        if (Files.isRegularFile(target.resolve("bin/kc.sh"))) {
            return target;
        }
        unpack(zip, target, version);
        return target;
    }

    static Path cacheRoot() {
        String override = System.getProperty(CACHE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("voidvm");
    }

    static Path zip() {
        String override = System.getProperty(ZIP_PROPERTY);
        if (override != null && !override.isBlank()) {
            return existing(Path.of(override), "-D" + ZIP_PROPERTY);
        }
        try (InputStream recorded = KeycloakDistribution.class.getResourceAsStream(RECORDED_PATH_RESOURCE)) {
            if (recorded != null) {
                Path path = Path.of(new String(recorded.readAllBytes(), StandardCharsets.UTF_8).strip());
                if (Files.isRegularFile(path)) {
                    return path;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RECORDED_PATH_RESOURCE, e);
        }
        // built elsewhere (e.g. a jar from another machine): try the default local repository
        Path fallback = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", DEFAULT_VERSION, "keycloak-quarkus-dist-" + DEFAULT_VERSION + ".zip");
        return existing(fallback, "the local Maven repository");
    }

    private static Path existing(Path zip, String source) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip + " (from " + source
                    + "); run 'mvn -pl test-support dependency:resolve' to download "
                    + "org.keycloak:keycloak-quarkus-dist:" + DEFAULT_VERSION + ":zip, or set -D" + ZIP_PROPERTY);
        }
        return zip;
    }

    static String versionOf(Path zip) {
        String name = zip.getFileName().toString();
        String prefix = "keycloak-quarkus-dist-";
        if (!name.startsWith(prefix) || !name.endsWith(".zip")) {
            throw new IllegalStateException("not a keycloak-quarkus-dist zip: " + zip);
        }
        return name.substring(prefix.length(), name.length() - ".zip".length());
    }

    /** Unpacks beside the target, then renames: a crashed or concurrent unpack never leaves a half tree. */
    private static void unpack(Path zip, Path target, String version) {
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), ".keycloak-" + version + "-");
            try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
                Path top = archive.getPath("keycloak-" + version);
                try (Stream<Path> entries = Files.walk(top)) {
                    for (Path entry : (Iterable<Path>) entries::iterator) {
                        extract(entry, staging.resolve(top.relativize(entry).toString()));
                    }
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherProcessWon) {
                // the other unpack is identical
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    private static void extract(Path entry, Path destination) throws IOException {
        if (Files.isDirectory(entry)) {
            Files.createDirectories(destination);
            return;
        }
        Files.copy(entry, destination, StandardCopyOption.REPLACE_EXISTING);
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(entry);
        } catch (UnsupportedOperationException | IOException noUnixAttributes) {
            permissions = Set.of();
        }
        if (permissions.contains(PosixFilePermission.OWNER_EXECUTE) || destination.toString().endsWith(".sh")) {
            Files.setPosixFilePermissions(destination, EXECUTABLE);
        }
    }

    /**
     * Makes {@code home} a Keycloak home: its own {@code bin/kc.sh} (a copy, because kc.sh derives the home
     * from its own resolved path), {@code conf/}, {@code data/} and empty {@code providers/}, {@code themes/};
     * {@code lib/} is a symlink to the shared distribution. Existing data and conf are left alone.
     */
    static void prepareHome(Path distribution, Path home) {
        try {
            Files.createDirectories(home.resolve("bin"));
            Files.createDirectories(home.resolve("data/import"));
            Files.createDirectories(home.resolve("providers"));
            Files.createDirectories(home.resolve("themes"));
            Path script = home.resolve("bin/kc.sh");
            Files.copy(distribution.resolve("bin/kc.sh"), script, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(script, EXECUTABLE);
            if (!Files.isDirectory(home.resolve("conf"))) {
                copyTree(distribution.resolve("conf"), home.resolve("conf"));
            }
            Path lib = home.resolve("lib");
            Path sharedLib = distribution.resolve("lib").toAbsolutePath();
            if (Files.isSymbolicLink(lib) && !Files.readSymbolicLink(lib).equals(sharedLib)) {
                Files.delete(lib); // a home kept from an older Keycloak version
            }
            if (!Files.exists(lib, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(lib, sharedLib);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Keycloak home " + home, e);
        }
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // walk does not follow the lib/ symlink, so the shared distribution is never touched
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
