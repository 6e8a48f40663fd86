/**
 * User administration for admins (list, create, disable, reset MFA, unlock), carried out in Keycloak through
 * the identity port and written to the audit log.
 */
package io.voidvm.auth.users.app;
