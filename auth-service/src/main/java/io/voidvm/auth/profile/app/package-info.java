/** The profile use cases: read and change the caller's own Keycloak user through the identity port. */
package io.voidvm.auth.profile.app;
