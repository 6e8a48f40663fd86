package io.voidvm.launcher.cli;

/** What the user asked for on the command line; {@link CommandLine#parse} is the only way to get one. */
public sealed interface Command {

    /** Start the whole local stack with {@code nodes} node agents and stay in the foreground until a stop signal. */
    record Up(int nodes) implements Command {
    }

    /** Stop a running stack, or clean up after one that crashed. */
    record Down() implements Command {
    }

    /**
     * Print each component's state, pid, port and health; {@code nodes} is how many agents to list when no stack
     * runs (a running stack says how many it has).
     */
    record Status(int nodes) implements Command {
    }

    /** Ask the running launcher to restart one component (a service, a node agent, kafka, ...). */
    record Restart(String component) implements Command {
    }

    /** Print the usage text. */
    record Help() implements Command {
    }
}
