package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.infra.Infra;
import io.voidvm.launcher.infra.InfraStarter;
import io.voidvm.launcher.ports.PortProbe;
import io.voidvm.launcher.run.RunDir;
import io.voidvm.launcher.services.Readiness;
import io.voidvm.launcher.services.ServiceCatalog;
import io.voidvm.launcher.services.ServiceSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code status}: one line per component with state, pids, port and health, read from the pid files and probes. */
public final class Status {

    /** Exit code when the stack does not run, as LSB init scripts use it. */
    public static final int NOT_RUNNING = 3;

    private final DataHome home;
    private final Console console;
    private final RunDir runDir;
    private final int configuredNodes;

    /** @param configuredNodes node agents to list when no running stack says how many it has */
    public Status(DataHome home, Console console, int configuredNodes) {
        this.home = home;
        this.console = console;
        this.runDir = new RunDir(home.run());
        this.configuredNodes = configuredNodes;
    }

    /** One row of the table. */
    record Row(String component, String state, String pids, int port, String health) {
    }

    public int run() {
        List<ProcessHandle> launcher = runDir.live(RunDir.LAUNCHER);
        boolean running = !launcher.isEmpty();
        String headline = running
                ? "voidVM is " + (runDir.isReady() ? "up" : "starting or stopping") + " (launcher pid "
                        + launcher.getFirst().pid() + "), " + Banner.URL
                : "voidVM is not running";
        console.plain(headline + "; data in " + home.root());
        console.plain(String.format(Locale.ROOT, "%-20s %-8s %-16s %-6s %s", "COMPONENT", "STATE", "PID", "PORT",
                "HEALTH"));
        boolean starting = running && !runDir.isReady();
        List<Row> rows = rows(starting);
        rows.forEach(row -> console.plain(String.format(Locale.ROOT, "%-20s %-8s %-16s %-6d %s",
                row.component(), row.state(), row.pids(), row.port(), row.health())));
        long orphans = rows.stream().filter(row -> row.state().equals("running")).count();
        if (!running && orphans > 0) {
            console.plain(orphans + " component(s) still run without their launcher (it crashed or was killed);"
                    + " ./voidvm down stops them.");
        }
        return running ? 0 : NOT_RUNNING;
    }

    List<Row> rows(boolean starting) {
        List<Row> rows = new ArrayList<>();
        for (Infra infra : Infra.values()) {
            List<ProcessHandle> live = new ArrayList<>(runDir.live(infra.component()));
            if (infra == Infra.POSTGRES && live.isEmpty()) {
                InfraStarter.postmaster(home.postgres()).ifPresent(live::add);
            }
            rows.add(row(infra.component(), live, infra.port(), infraHealth(infra), starting));
        }
        for (ServiceSpec service : ServiceCatalog.local(home, runDir.nodes().orElse(configuredNodes))) {
            rows.add(row(service.name(), runDir.live(service.name()), service.port(), httpHealth(service.readiness()),
                    starting));
        }
        return rows;
    }

    private static Row row(String component, List<ProcessHandle> live, int port, String health, boolean starting) {
        String pids = live.isEmpty() ? "-" : String.join(",", live.stream().map(h -> String.valueOf(h.pid())).toList());
        if (live.isEmpty() && starting) {
            return new Row(component, "starting", pids, port, health);
        }
        String shown = live.isEmpty() && !health.equals("-") ? health + " (not started by voidVM)" : health;
        return new Row(component, live.isEmpty() ? "stopped" : "running", pids, port, shown);
    }

    private static String infraHealth(Infra infra) {
        return switch (infra) {
            case POSTGRES, KAFKA -> PortProbe.isListening(infra.port()) ? "accepting connections" : "-";
            case KEYCLOAK -> httpHealth(URI.create("http://127.0.0.1:" + infra.secondPort() + "/health/ready"));
        };
    }

    private static String httpHealth(URI endpoint) {
        int status = Readiness.status(endpoint);
        return Optional.of(status).filter(code -> code != 0)
                .map(code -> code == 200 ? "UP" : "NOT READY (HTTP " + code + ")")
                .orElse("-");
    }
}
