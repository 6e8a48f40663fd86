package io.voidvm.launcher;

import io.voidvm.launcher.cli.CommandLine;
import io.voidvm.launcher.cli.Command;
import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.stack.Down;
import io.voidvm.launcher.stack.Restart;
import io.voidvm.launcher.stack.Status;
import io.voidvm.launcher.stack.Up;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point behind {@code ./voidvm up|down|status|restart}. The data dir comes from {@code -Dvoidvm.home} (set by the
 * script from {@code $VOIDVM_HOME}), else {@code $VOIDVM_HOME}, else {@code .voidvm}; the repository from
 * {@code -Dvoidvm.root}, else the working directory.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Command command;
        try {
            command = CommandLine.parse(Arrays.asList(args), System.getenv());
        } catch (CommandLine.UsageException e) {
            System.err.println("voidvm: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            return 2;
        }
        DataHome home = new DataHome(dataDir());
        Console console = Console.system();
        try {
            return switch (command) {
                case Command.Up up -> new Up(home, repoRoot(), console, up.nodes()).run();
                case Command.Down down -> new Down(home, console).run();
                case Command.Status status -> new Status(home, console, status.nodes()).run();
                case Command.Restart restart -> new Restart(home, console).run(restart.component());
                case Command.Help help -> {
                    System.out.println(CommandLine.USAGE);
                    yield 0;
                }
            };
        } catch (RuntimeException e) {
            System.err.println("voidvm: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }

    private static Path dataDir() {
        String property = System.getProperty("voidvm.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("VOIDVM_HOME");
        return Path.of(env != null && !env.isBlank() ? env : ".voidvm");
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("voidvm.root", ".")).toAbsolutePath().normalize();
    }
}
