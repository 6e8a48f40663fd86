package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.keycloak.VoidvmRealm;

/**
 * A tenant made for one test (or one test class) on the shared platform, with one member: nothing else lives in
 * it, so a test sees only what it made there. {@link #api()} calls through the gateway with the member's token.
 */
public record Tenant(String id, VoidvmRealm.User user, String email, VoidvmApi api) {

    /** The same API driven like a patient client: send, take the 202, wait for the node. */
    public VmDriver vms() {
        return new VmDriver(api);
    }
}
