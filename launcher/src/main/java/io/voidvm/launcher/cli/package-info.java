/**
 * The launcher's command line: the closed set of commands and their parser.
 * Pure code, no I/O; {@code Main} dispatches each command to its feature package.
 */
package io.voidvm.launcher.cli;
