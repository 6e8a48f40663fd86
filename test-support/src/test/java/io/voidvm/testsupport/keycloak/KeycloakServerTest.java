package io.voidvm.testsupport.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class KeycloakServerTest {

    private static final Path HOME = Path.of("/tmp/kc-home");

    @Test
    void unsafeFlagOnlyForJdksThatKnowIt() {
        // JDK 21/22 refuse to start with an unknown --sun-misc-unsafe-memory-access option
        assertThat(KeycloakServer.javaOptsAppend(21)).doesNotContain("--sun-misc-unsafe-memory-access");
        assertThat(KeycloakServer.javaOptsAppend(25)).contains("--sun-misc-unsafe-memory-access=allow")
                .contains("--add-opens=java.base/java.lang=ALL-UNNAMED");
    }

    @Test
    void settingsRejectClashingPortsAndMissingAdminAndHideThePassword() {
        assertThatThrownBy(() -> settings(8180, 8180, "admin", "pw")).hasMessageContaining("must differ");
        assertThatThrownBy(() -> settings(0, 9000, "admin", "pw")).hasMessageContaining("httpPort");
        assertThatThrownBy(() -> settings(8180, 9000, "admin", " ")).hasMessageContaining("adminPassword");
        assertThat(settings(8180, 9000, "admin", "s3cret-Pass!").toString()).doesNotContain("s3cret");
    }

    @Test
    void versionComesFromTheZipName() {
        assertThat(KeycloakDistribution.versionOf(Path.of("/repo/keycloak-quarkus-dist-26.5.6.zip"))).isEqualTo("26.5.6");
        assertThatThrownBy(() -> KeycloakDistribution.versionOf(Path.of("/repo/other.zip")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void templateKeyChangesWithTheRealmAndTheDistribution() {
        Path dist = Path.of("/cache/keycloak-26.5.6");
        String key = SharedKeycloak.templateKey(dist, "{\"realm\":\"voidvm\"}");

        assertThat(SharedKeycloak.templateKey(dist, "{\"realm\":\"voidvm\"}")).isEqualTo(key);
        assertThat(SharedKeycloak.templateKey(dist, "{\"realm\":\"voidvm\",\"x\":1}")).isNotEqualTo(key);
        assertThat(SharedKeycloak.templateKey(Path.of("/cache/keycloak-26.6.0"), "{\"realm\":\"voidvm\"}")).isNotEqualTo(key);
    }

    @Test
    void claimsDecodesTheJwtPayload() {
        String jwt = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"tenant\":\"acme\"}".getBytes()) + ".sig";
        assertThat(KeycloakTokens.claims(jwt).path("tenant").asString()).isEqualTo("acme");
        assertThatThrownBy(() -> KeycloakTokens.claims("not-a-jwt")).isInstanceOf(IllegalArgumentException.class);
    }

    private static KeycloakServer.Settings settings(int http, int management, String user, String password) {
        return new KeycloakServer.Settings(HOME, http, management, HOME.resolve("realm.json"), HOME.resolve("kc.log"),
                user, password);
    }
}
