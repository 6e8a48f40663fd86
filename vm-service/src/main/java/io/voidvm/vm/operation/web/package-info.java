/**
 * REST adapters of the operation log: {@code GET /api/v1/operations/{id}} to follow one request to SUCCEEDED or
 * FAILED, and {@code GET /api/v1/vms/{id}/logs} for who did what to a VM, when, and how it ended.
 */
package io.voidvm.vm.operation.web;
