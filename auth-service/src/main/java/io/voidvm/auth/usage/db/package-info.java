/** The {@code usage} table: the last usage each owning service reported, per tenant and resource. */
package io.voidvm.auth.usage.db;
