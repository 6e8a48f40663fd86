/** HTTP API of API tokens: {@code POST/GET /api/v1/tokens} and {@code DELETE /api/v1/tokens/{id}}. */
package io.voidvm.auth.tokens.web;
