/**
 * HTTP at the byte level for tests: requests no HTTP client would send (bad percent-encoding, over-long request
 * lines, huge headers), and checks that the answer is an RFC 9457 problem.
 */
package io.voidvm.testsupport.http;
