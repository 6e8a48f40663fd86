/**
 * API tokens as plain Java: their metadata, status and lifetime rules. Each token is a Keycloak confidential
 * client (ADR 0005); its secret never reaches this package.
 */
package io.voidvm.auth.tokens.domain;
