/**
 * Typed, validated settings of monitoring-service ({@code voidvm.monitoring.*}); a bad value stops start-up with the
 * property's name.
 */
package io.voidvm.monitoring.config;
