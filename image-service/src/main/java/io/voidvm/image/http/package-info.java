/**
 * Time limits on image-service's HTTP server: a request body that stops arriving closes its connection, an idle
 * kept-alive connection is closed, and a handler (other than an upload's) that takes too long answers 503.
 */
package io.voidvm.image.http;
