/** {@code /api/v1/storage}: list and read pools (everyone), create them (admins). */
package io.voidvm.storage.pool.web;
