/** HTTP API of the audit log: {@code GET /api/v1/audit} for admins, newest first, cursor-paged. */
package io.voidvm.auth.audit.web;
