/**
 * A real PostgreSQL server from the zonky embedded binaries: one shared throw-away server per test JVM, or a
 * durable one for the local stack whose data directory survives restarts.
 */
package io.voidvm.testsupport.postgres;
