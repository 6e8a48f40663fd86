/**
 * Issue 11's hostile-input walk: every operation of every service's OpenAPI document, called through the gateway
 * with one bad thing at a time, each answer judged, and the tenant's rows in every service's tables compared.
 */
package io.voidvm.systemtests.hostile;
