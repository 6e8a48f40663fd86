/**
 * Dead letters (ADR 0001): the admin API that lists, inspects and replays the records consumers parked on
 * {@code <topic>.dlt}, and the depth gauge of every dead-letter topic. Adapters ({@code kafka}, {@code db},
 * {@code web}) sit around {@code app} and {@code domain}.
 */
package io.voidvm.monitoring.deadletter;
