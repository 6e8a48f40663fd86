package io.voidvm.launcher.cli;

import java.util.List;

/** Turns the launcher's arguments into a {@link Command}; options of the bash wrapper never reach it. */
public final class CommandLine {

    public static final String USAGE = """
            Usage: launcher COMMAND   (normally run through ./voidvm)
              up       start the local stack in the foreground; SIGINT/SIGTERM stops it
              down     stop a running stack, or clean up after one that crashed
              status   component, state, pid, port and health
              help     this text""";

    private CommandLine() {
    }

    public static Command parse(List<String> args) {
        if (args.isEmpty()) {
            return new Command.Help();
        }
        if (args.size() > 1) {
            throw new UsageException("'" + args.getFirst() + "' takes no arguments, got " + args.subList(1, args.size()));
        }
        return switch (args.getFirst()) {
            case "up" -> new Command.Up();
            case "down", "stop" -> new Command.Down();
            case "status" -> new Command.Status();
            case "help", "-h", "--help" -> new Command.Help();
            default -> throw new UsageException("unknown command '" + args.getFirst() + "'");
        };
    }

    /** A command line that cannot be understood; the message says why. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
