package io.voidvm.launcher.cli;

import java.util.List;
import java.util.Map;

/**
 * Turns the launcher's arguments (and the {@value #NODES_ENV} setting) into a {@link Command}; options of the
 * bash wrapper never reach it.
 */
public final class CommandLine {

    /** How many node agents {@code up} runs unless {@code --nodes} says otherwise. */
    public static final String NODES_ENV = "VOIDVM_NODES";
    /** Node agents on one machine: each is a JVM of ~250 MB and its own port (8087 up). */
    public static final int MAX_NODES = 4;

    public static final String USAGE = """
            Usage: launcher COMMAND   (normally run through ./voidvm)
              up [--nodes N]  start the local stack in the foreground with N node agents (1-%d, default
                              $%s or 1); SIGINT/SIGTERM stops it
              down            stop a running stack, or clean up after one that crashed
              status          component, state, pid, port and health
              restart NAME    restart one component of the running stack (e.g. vm-service, node-agent-2, kafka)
              help            this text""".formatted(MAX_NODES, NODES_ENV);

    private static final String COMPONENT = "[a-z0-9][a-z0-9-]*";

    private CommandLine() {
    }

    public static Command parse(List<String> args, Map<String, String> environment) {
        if (args.isEmpty()) {
            return new Command.Help();
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "up" -> new Command.Up(nodesOption(rest, configuredNodes(environment)));
            case "down", "stop" -> noArguments(args, new Command.Down());
            case "status" -> noArguments(args, new Command.Status(configuredNodes(environment)));
            case "restart" -> restart(rest);
            case "help", "-h", "--help" -> noArguments(args, new Command.Help());
            default -> throw new UsageException("unknown command '" + args.getFirst() + "'");
        };
    }

    /** {@value #NODES_ENV} if set, else 1. */
    static int configuredNodes(Map<String, String> environment) {
        String value = environment.get(NODES_ENV);
        return value == null || value.isBlank() ? 1 : nodes(value.strip(), NODES_ENV);
    }

    private static int nodesOption(List<String> options, int configured) {
        int nodes = configured;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--nodes") && i + 1 < options.size()) {
                nodes = nodes(options.get(++i), "--nodes");
            } else if (option.startsWith("--nodes=")) {
                nodes = nodes(option.substring("--nodes=".length()), "--nodes");
            } else {
                throw new UsageException("'up' takes only --nodes N, got '" + option + "'");
            }
        }
        return nodes;
    }

    private static int nodes(String value, String source) {
        try {
            int nodes = Integer.parseInt(value);
            if (nodes >= 1 && nodes <= MAX_NODES) {
                return nodes;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException(source + " must be a number of node agents from 1 to " + MAX_NODES + ", was '"
                + value + "'");
    }

    private static Command restart(List<String> rest) {
        if (rest.size() != 1) {
            throw new UsageException("'restart' takes one component name (see ./voidvm status), got " + rest);
        }
        String component = rest.getFirst();
        if (!component.matches(COMPONENT)) {
            throw new UsageException("not a component name: '" + component + "' (see ./voidvm status)");
        }
        return new Command.Restart(component);
    }

    private static Command noArguments(List<String> args, Command command) {
        if (args.size() > 1) {
            throw new UsageException("'" + args.getFirst() + "' takes no arguments, got " + args.subList(1, args.size()));
        }
        return command;
    }

    /** A command line that cannot be understood; the message says why. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
