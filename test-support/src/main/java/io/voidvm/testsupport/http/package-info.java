/**
 * Assertions on HTTP answers that every service's module tests share, such as the problem a refused input gets.
 */
package io.voidvm.testsupport.http;
