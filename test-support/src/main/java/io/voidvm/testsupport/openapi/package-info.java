/** Rules every service's published OpenAPI document keeps, checked on the document as JSON. */
package io.voidvm.testsupport.openapi;
