/**
 * The platform's Spring Boot services as the local stack runs them: which exist, on which port, with which
 * JVM options, and starting them as child processes that are watched until their readiness endpoint says UP.
 */
package io.voidvm.launcher.services;
