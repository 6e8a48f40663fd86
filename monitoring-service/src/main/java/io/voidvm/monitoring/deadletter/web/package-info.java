/**
 * {@code /api/v1/dead-letters}: the dead-letter admin API (OpenAPI tag "Dead letters"), its JSON views and its 503
 * problem for a broker that does not answer.
 */
package io.voidvm.monitoring.deadletter.web;
