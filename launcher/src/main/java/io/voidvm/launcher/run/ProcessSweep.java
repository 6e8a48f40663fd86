package io.voidvm.launcher.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Finds processes by what their command line names: everything the stack runs (service JVMs, the broker,
 * Keycloak, the postmaster, the VMs' QEMU) mentions a path under the data dir, whoever its parent is now.
 */
public final class ProcessSweep {

    private ProcessSweep() {
    }

    /**
     * Live processes (not this one) whose command line names {@code root} and whose executable's file name and
     * command line pass {@code accept}.
     */
    public static List<ProcessHandle> naming(Path root, BiPredicate<String, String> accept) {
        String marker = root + "/";
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != self && handle.isAlive())
                .filter(handle -> {
                    Optional<String> line = handle.info().commandLine();
                    String name = handle.info().command().map(command -> Path.of(command).getFileName().toString())
                            .orElse("");
                    return line.isPresent() && line.get().contains(marker) && accept.test(name, line.get());
                })
                .toList();
    }

    /** QEMU processes (VMs) whose command line names {@code root}. */
    public static List<ProcessHandle> qemu(Path root) {
        return naming(root, (name, line) -> name.startsWith("qemu-system"));
    }
}
