package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.CommandLine;
import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.infra.InfraStarter;
import io.voidvm.launcher.run.ProcessSweep;
import io.voidvm.launcher.run.ProcessTree;
import io.voidvm.launcher.run.RunDir;
import io.voidvm.launcher.services.ServiceCatalog;
import io.voidvm.launcher.services.ServiceSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Processes of this data dir that no launcher looks after any more (the launcher was killed, or a stop went
 * wrong). Called only while holding the launcher lock, or after the launcher is gone, so all of them are ours.
 * Found three ways: the pid files, the postmaster.pid of our PostgreSQL, and a sweep for JVMs and postmasters
 * whose command line names this data dir (covers a pid that a crash kept from reaching its file).
 */
final class Leftovers {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private Leftovers() {
    }

    /** Stops every leftover, the services together first, then the servers one by one; returns how many. */
    static int clean(RunDir runDir, DataHome home, Console console, String origin) {
        Map<String, List<ProcessHandle>> found = find(runDir, home);
        List<String> services = everyService(home).stream().map(ServiceSpec::name).toList();
        List<ProcessHandle> serviceProcesses = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<ProcessHandle>> entry : found.entrySet()) {
            List<ProcessHandle> live = entry.getValue().stream().filter(ProcessHandle::isAlive).toList();
            if (live.isEmpty()) {
                continue;
            }
            console.step("stopping leftover " + entry.getKey() + " from " + origin + " (pid "
                    + String.join(", ", live.stream().map(h -> String.valueOf(h.pid())).toList()) + ")");
            count += live.size();
            if (services.contains(entry.getKey())) {
                serviceProcesses.addAll(live);
            } else {
                ProcessTree.stop(serviceProcesses, GRACE);
                serviceProcesses.clear();
                ProcessTree.stop(live, GRACE);
            }
        }
        ProcessTree.stop(serviceProcesses, GRACE);
        runDir.all().keySet().stream().filter(component -> !RunDir.LAUNCHER.equals(component))
                .forEach(runDir::forget);
        return count;
    }

    /** Leftovers by component, in stop order (services, Keycloak, Kafka, PostgreSQL, then unattributed). */
    static Map<String, List<ProcessHandle>> find(RunDir runDir, DataHome home) {
        Map<String, List<ProcessHandle>> found = new LinkedHashMap<>();
        for (String component : Components.stopOrder(everyService(home))) {
            List<ProcessHandle> live = new ArrayList<>(runDir.live(component));
            if (component.equals("postgres")) {
                InfraStarter.postmaster(home.postgres()).filter(h -> !live.contains(h)).ifPresent(live::add);
            }
            if (!live.isEmpty()) {
                found.put(component, live);
            }
        }
        List<ProcessHandle> known = found.values().stream().flatMap(List::stream).toList();
        List<ProcessHandle> unattributed = sweep(home.root()).stream().filter(h -> !known.contains(h)).toList();
        if (!unattributed.isEmpty()) {
            found.put("processes naming " + home.root(), unattributed);
        }
        return found;
    }

    /** The services of the largest stack {@code up} may have run, so that every node agent's pid file is read. */
    private static List<ServiceSpec> everyService(DataHome home) {
        return ServiceCatalog.local(home, CommandLine.MAX_NODES);
    }

    /** Stack processes that name the data dir; a launcher (e.g. a concurrent ./voidvm status) is not one. */
    private static List<ProcessHandle> sweep(Path root) {
        return ProcessSweep.naming(root, (name, line) -> !line.contains("io.voidvm.launcher.Main") && switch (name) {
            case "java", "postgres" -> true;
            case "bash", "sh" -> line.contains("/kc.sh");
            default -> name.startsWith("qemu-system");
        });
    }
}
