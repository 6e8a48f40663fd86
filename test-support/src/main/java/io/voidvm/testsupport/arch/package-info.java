/**
 * Architecture rules every module checks with ArchUnit: domain code stays free of frameworks, and packages
 * form no cycles.
 */
package io.voidvm.testsupport.arch;
