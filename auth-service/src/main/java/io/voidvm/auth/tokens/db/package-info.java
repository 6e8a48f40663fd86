/** R2DBC access to the {@code api_tokens} table: token metadata, the per-user live count and the expiry sweep's query. */
package io.voidvm.auth.tokens.db;
