/**
 * How storage-service's OpenAPI document presents the API: its title, resource tags (controllers name them
 * through {@link io.voidvm.storage.apidoc.StorageApiDocs}'s constants) and example bodies. A leaf: it depends on
 * service-kit only.
 */
package io.voidvm.storage.apidoc;
