/**
 * REST adapter of operations: {@code GET /api/v1/operations/{id}} to follow one request to SUCCEEDED or FAILED.
 * A VM's operations also appear in its log ({@code vmlog.web}).
 */
package io.voidvm.vm.operation.web;
