/**
 * RFC 9457 problem responses the gateway answers with itself (401, 403, 413, 429, 503, 504), shaped like the
 * ones service-kit gives the domain services, so a client parses one error format whoever answered.
 */
package io.voidvm.gateway.problem;
