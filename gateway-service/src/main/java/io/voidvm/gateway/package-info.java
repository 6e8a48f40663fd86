/**
 * The gateway application: the single public entry point that routes the REST API and serves the SPA.
 * Feature packages below hold routing and security; this package only boots them.
 */
package io.voidvm.gateway;
