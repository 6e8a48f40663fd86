/**
 * Framework-free API errors that domain code throws ({@link io.voidvm.servicekit.problem.domain.ApiException} and
 * its closed family); the web layer turns each into an RFC 9457 problem with a stable type URI and machine code.
 */
package io.voidvm.servicekit.problem.domain;
