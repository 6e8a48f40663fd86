/**
 * How monitoring-service's OpenAPI document presents the API: its title, resource tags (controllers name them
 * through {@link io.voidvm.monitoring.apidoc.MonitoringApiDocs}'s constants) and example bodies. A leaf: it depends
 * on service-kit only.
 */
package io.voidvm.monitoring.apidoc;
