/**
 * monitoring-service: ingests VM and node samples from Kafka, keeps raw samples and roll-ups, and
 * answers queries and live subscriptions. Feature packages live below this one.
 */
package io.voidvm.monitoring;
