package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.infra.DemoLogins.Login;
import io.voidvm.launcher.infra.Infra;
import io.voidvm.launcher.infra.InfraStarter;
import io.voidvm.launcher.services.ServiceCatalog;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** What {@code up} prints once everything is healthy: where to go, how to log in, where things are. */
final class Banner {

    static final String URL = "http://localhost:8080";

    private Banner() {
    }

    static String text(Duration elapsed, DataHome home, int nodes, List<Login> logins) {
        StringBuilder text = new StringBuilder();
        text.append("\nvoidVM is up (").append(Console.seconds(elapsed)).append(").\n\n");
        text.append("  Open      ").append(URL).append('\n');
        String label = "  Log in    ";
        for (Login login : logins) {
            text.append(label).append(String.format(Locale.ROOT, "%-24s tenant %-8s roles %s%n",
                    login.username() + " / " + login.password(), login.tenant(), String.join(",", login.roles())));
            label = "            ";
        }
        text.append("  Keycloak  http://127.0.0.1:").append(Infra.KEYCLOAK.port()).append("/admin (master realm: ")
                .append(InfraStarter.KEYCLOAK_ADMIN).append(" / ").append(InfraStarter.KEYCLOAK_ADMIN_PASSWORD)
                .append(")\n");
        text.append("  Nodes     ").append(String.join(", ", IntStream.rangeClosed(1, nodes)
                .mapToObj(node -> ServiceCatalog.nodeName(node) + " (" + ServiceCatalog.agentComponent(node) + ")")
                .toList())).append('\n');
        text.append("  Data      ").append(home.root()).append(" (kept across restarts)\n");
        text.append("  Logs      ").append(home.logs()).append(" (./voidvm logs NAME)\n");
        text.append("  Status    ./voidvm status; ./voidvm restart NAME restarts one component\n");
        text.append("  Stop      Ctrl-C here, or ./voidvm down\n");
        return text.toString();
    }
}
