/** How network-service's OpenAPI document presents the API: its title and description (no routes yet). */
package io.voidvm.network.apidoc;
