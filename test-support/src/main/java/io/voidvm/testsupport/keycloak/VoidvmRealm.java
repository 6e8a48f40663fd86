package io.voidvm.testsupport.keycloak;

/**
 * What tests may rely on in {@code keycloak/voidvm-realm.json} and {@code keycloak/demo-users.json}: client ids,
 * the local-mode client secrets and the demo/test users. Kept beside the files; KeycloakServerIT checks they agree.
 */
public final class VoidvmRealm {

    /** A user from demo-users.json. */
    public record User(String username, String password, String tenant, boolean admin) {
        @Override
        public String toString() {
            return "User[" + username + ", tenant " + tenant + (admin ? ", admin" : "") + "]";
        }
    }

    /** A confidential client with its local-mode secret (Kubernetes sets other secrets). */
    public record Client(String clientId, String secret) {
        @Override
        public String toString() {
            return "Client[" + clientId + "]";
        }
    }

    public static final String NAME = "voidvm";
    /** Audience every access token carries; resource servers check it. */
    public static final String API_AUDIENCE = "voidvm-api";

    /** Public client with the password grant: tests and local mode only, never shipped to Kubernetes. */
    public static final String TEST_CLIENT = "voidvm-test";
    public static final Client GATEWAY = new Client("voidvm-gateway", "voidvm-gateway-local-secret");
    /** Client credentials of the demo tenant's machine account: role user, tenant demo. */
    public static final Client MACHINE = new Client("voidvm-machine", "voidvm-machine-local-secret");
    /** Client credentials for node agents and services: role admin. */
    public static final Client PLATFORM = new Client("voidvm-platform", "voidvm-platform-local-secret");

    public static final User DEMO = new User("demo", "Demo-pass1!", "demo", false);
    public static final User ADMIN = new User("admin", "Admin-pass1!", "demo", true);
    public static final User ALICE = new User("alice", "Alice-pass1!", "acme", false);
    public static final User BOB = new User("bob", "Bob-pass1!", "globex", false);

    private VoidvmRealm() {
    }
}
