/** HTTP API of the caller's own profile: {@code GET/PUT /api/v1/users/profile}. */
package io.voidvm.auth.profile.web;
