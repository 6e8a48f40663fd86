/**
 * The local stack's data dir: its layout, and the read-only checks that refuse a damaged one before any
 * server starts. Nothing in here ever deletes or rewrites data.
 */
package io.voidvm.launcher.home;
