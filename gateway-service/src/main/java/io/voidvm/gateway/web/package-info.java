/**
 * Serving the single-page app: static files from {@code classpath:/static}, and {@code index.html} for the
 * SPA's own client-side routes so a reload or a deep link does not end in a 404.
 */
package io.voidvm.gateway.web;
