package io.voidvm.testsupport.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RealmFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REALM = Path.of("../keycloak/voidvm-realm.json");
    private static final Path USERS = Path.of("../keycloak/demo-users.json");

    @Test
    void mergedRealmHasTheServiceAccountsAndEveryDemoUser() {
        JsonNode merged = JSON.readTree(RealmFiles.realmWithUsers(REALM, USERS));

        assertThat(merged.path("realm").asString()).isEqualTo("voidvm");
        assertThat(usernames(merged)).containsExactlyInAnyOrder("service-account-voidvm-machine",
                "service-account-voidvm-platform", "demo", "admin", "alice", "bob");
        assertThat(JSON.readTree(RealmFiles.bundledRealmWithUsers())).isEqualTo(merged);
    }

    @Test
    void theRealmFileAloneShipsNoHumanUsers() {
        JsonNode realm = JSON.readTree(REALM.toFile());

        assertThat(usernames(realm)).allMatch(name -> name.startsWith("service-account-"));
    }

    @Test
    void onlyTheTestClientAllowsThePasswordGrant() {
        JsonNode realm = JSON.readTree(REALM.toFile());

        List<String> withPasswordGrant = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("directAccessGrantsEnabled").asBoolean(false))
                .map(client -> client.path("clientId").asString())
                .toList();
        assertThat(withPasswordGrant).containsExactly(VoidvmRealm.TEST_CLIENT);
    }

    @Test
    void demoUsersMatchTheConstantsTestsUse() {
        JsonNode users = JSON.readTree(USERS.toFile());

        for (VoidvmRealm.User expected : List.of(VoidvmRealm.DEMO, VoidvmRealm.ADMIN, VoidvmRealm.ALICE, VoidvmRealm.BOB)) {
            JsonNode user = StreamSupport.stream(users.spliterator(), false)
                    .filter(u -> u.path("username").asString().equals(expected.username()))
                    .findFirst().orElseThrow();
            assertThat(user.path("attributes").path("tenant").get(0).asString()).isEqualTo(expected.tenant());
            assertThat(user.path("credentials").get(0).path("value").asString()).isEqualTo(expected.password());
            assertThat(user.path("credentials").get(0).path("temporary").asBoolean(true)).isFalse();
            assertThat(user.path("realmRoles").toString().contains("\"admin\"")).isEqualTo(expected.admin());
        }
    }

    @Test
    void rejectsAUsersFileThatIsNotAnArray(@TempDir Path dir) throws Exception {
        Path notArray = Files.writeString(dir.resolve("users.json"), "{\"username\":\"x\"}");

        assertThatThrownBy(() -> RealmFiles.realmWithUsers(REALM, notArray))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON array");
    }

    private static List<String> usernames(JsonNode realm) {
        return StreamSupport.stream(realm.path("users").spliterator(), false)
                .map(user -> user.path("username").asString())
                .toList();
    }
}
