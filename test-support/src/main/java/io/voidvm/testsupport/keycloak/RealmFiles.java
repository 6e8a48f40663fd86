package io.voidvm.testsupport.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realm import file and the demo users, kept apart in the repository ({@code keycloak/}) so Kubernetes can
 * import the realm without demo accounts, and merged here for local mode and tests.
 */
public final class RealmFiles {

    /** Classpath copies of {@code keycloak/voidvm-realm.json} and {@code keycloak/demo-users.json}. */
    public static final String REALM_RESOURCE = "voidvm-realm.json";
    public static final String DEMO_USERS_RESOURCE = "demo-users.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealmFiles() {
    }

    /** The realm JSON with every user of {@code users} (a JSON array) appended to its {@code users}. */
    public static String realmWithUsers(Path realm, Path users) {
        return merge(read(realm), read(users), realm + " + " + users);
    }

    /** Writes {@link #realmWithUsers(Path, Path)} to {@code target} (for {@code data/import}). */
    public static Path writeRealmWithUsers(Path realm, Path users, Path target) {
        return write(realmWithUsers(realm, users), target);
    }

    /** Realm and demo users from the classpath copies packaged in test-support. */
    public static String bundledRealmWithUsers() {
        return merge(resource(REALM_RESOURCE), resource(DEMO_USERS_RESOURCE), "classpath realm + users");
    }

    static Path write(String json, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, json, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static String merge(String realmJson, String usersJson, String what) {
        JsonNode realm = JSON.readTree(realmJson);
        JsonNode users = JSON.readTree(usersJson);
        if (!(realm instanceof ObjectNode realmObject) || !VoidvmRealm.NAME.equals(realm.path("realm").asString(""))) {
            throw new IllegalArgumentException(what + ": not a realm representation of realm '" + VoidvmRealm.NAME + "'");
        }
        if (!(users instanceof ArrayNode userArray)) {
            throw new IllegalArgumentException(what + ": users must be a JSON array of user representations");
        }
        ArrayNode merged = realmObject.has("users") ? (ArrayNode) realmObject.get("users") : realmObject.putArray("users");
        for (JsonNode user : userArray) {
            if (!user.hasNonNull("username")) {
                throw new IllegalArgumentException(what + ": a user without username: " + user);
            }
            merged.add(user);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realmObject);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RealmFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath next to " + RealmFiles.class.getName()
                        + " (test-support copies it from the repository's keycloak/ folder at build time)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + name, e);
        }
    }
}
