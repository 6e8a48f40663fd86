/**
 * HTTP for tests: requests no HTTP client would send (bad percent-encoding, over-long request lines, huge
 * headers) sent as raw bytes, and assertions on the problem a refused request or input gets.
 */
package io.voidvm.testsupport.http;
