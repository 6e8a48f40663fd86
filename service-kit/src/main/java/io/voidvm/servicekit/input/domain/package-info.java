/**
 * The framework-free rules of what input the platform accepts ({@link io.voidvm.servicekit.input.domain.StorableText}:
 * which characters a stored string may hold).
 */
package io.voidvm.servicekit.input.domain;
