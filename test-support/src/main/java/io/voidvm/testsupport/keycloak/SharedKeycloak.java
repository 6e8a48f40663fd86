package io.voidvm.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Starts {@link KeycloakServer#shared()}. Schema creation plus realm import cost ~15 s of every cold start, so
 * the first run on a machine imports into a scratch home, stops, and keeps the H2 database as a template keyed
 * by distribution, realm content and admin credentials; later runs start from a copy of it. The template is
 * taken before any test touches the realm, so lockouts or users created by tests never leak into it.
 */
final class SharedKeycloak {

    // Fixed (not random) because the template database already holds the bootstrap admin. Loopback-only test server.
    static final String ADMIN_USER = "kc-admin";
    static final String ADMIN_PASSWORD = "kc-admin-Test1!";

    private SharedKeycloak() {
    }

    static KeycloakServer start() {
        String realm = RealmFiles.bundledRealmWithUsers();
        Path distribution = KeycloakDistribution.unpacked();
        Path template = KeycloakDistribution.cacheRoot().resolve("keycloak-templates")
                .resolve(templateKey(distribution, realm));
        if (!Files.isDirectory(template)) {
            buildTemplate(realm, template);
        }
        Path home = createTempHome();
        try {
            KeycloakDistribution.copyTree(template, home.resolve("data/h2"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy Keycloak template " + template, e);
        }
        KeycloakServer server = startIn(home, realm, logFile(home));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            KeycloakDistribution.deleteTree(home);
        }, "stop-shared-keycloak"));
        return server;
    }

    private static void buildTemplate(String realm, Path template) {
        Path scratch = createTempHome();
        try {
            KeycloakServer server = startIn(scratch, realm, logFile(scratch));
            server.stop();
            Files.createDirectories(template.getParent());
            try {
                Files.move(scratch.resolve("data/h2"), template, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWon) {
                // identical content
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store Keycloak template " + template, e);
        } finally {
            KeycloakDistribution.deleteTree(scratch);
        }
    }

    private static KeycloakServer startIn(Path home, String realm, Path logFile) {
        Path realmFile = RealmFiles.write(realm, home.resolve("voidvm-realm-with-users.json"));
        int[] ports = KeycloakServer.freePorts();
        return KeycloakServer.start(new KeycloakServer.Settings(home, ports[0], ports[1], realmFile, logFile,
                ADMIN_USER, ADMIN_PASSWORD));
    }

    private static Path createTempHome() {
        try {
            return Files.createTempDirectory("voidvm-keycloak-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Keycloak home", e);
        }
    }

    /** Under Maven the log lands in {@code target/} and outlives the temporary home, for post-mortems. */
    private static Path logFile(Path home) {
        Path target = Path.of("target");
        return Files.isDirectory(target)
                ? target.resolve("keycloak-" + home.getFileName() + ".log").toAbsolutePath()
                : home.resolve("keycloak.log");
    }

    static String templateKey(Path distribution, String realm) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {distribution.getFileName().toString(), realm, ADMIN_USER, ADMIN_PASSWORD}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
