/** HTTP API of user administration for admins: {@code /api/v1/admin/users} and its per-user actions. */
package io.voidvm.auth.users.web;
