/**
 * Who may pass the gateway: bearer JWTs for API clients (stateless resource server), browser sessions for the
 * SPA (OAuth2 login with PKCE against Keycloak, tokens kept server-side, CSRF), security headers and CORS.
 */
package io.voidvm.gateway.security;
