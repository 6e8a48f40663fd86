package io.voidvm.launcher.cli;

/** What the user asked for on the command line; {@link CommandLine#parse} is the only way to get one. */
public sealed interface Command {

    /** Start the whole local stack and stay in the foreground until a stop signal. */
    record Up() implements Command {
    }

    /** Stop a running stack, or clean up after one that crashed. */
    record Down() implements Command {
    }

    /** Print each component's state, pid, port and health. */
    record Status() implements Command {
    }

    /** Print the usage text. */
    record Help() implements Command {
    }
}
