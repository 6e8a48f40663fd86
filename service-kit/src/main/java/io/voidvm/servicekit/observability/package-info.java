/**
 * Tracing glue shared by the other service-kit features: finding the current request's trace id so error
 * responses and log lines can quote it.
 */
package io.voidvm.servicekit.observability;
