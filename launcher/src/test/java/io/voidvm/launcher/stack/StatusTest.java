package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.run.RunDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTest {

    @TempDir
    Path dir;

    @Test
    void statusListsTheNodeAgentsOfTheRunningStackElseTheConfiguredOnes() {
        DataHome home = new DataHome(dir);
        RunDir runDir = new RunDir(home.run());
        Console quiet = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System::nanoTime);

        assertThat(agents(new Status(home, quiet, 1).rows(false))).containsExactly("node-agent:8087");
        assertThat(agents(new Status(home, quiet, 2).rows(false)))
                .containsExactly("node-agent:8087", "node-agent-2:8088");

        runDir.recordNodes(3);
        assertThat(agents(new Status(home, quiet, 1).rows(false)))
                .containsExactly("node-agent:8087", "node-agent-2:8088", "node-agent-3:8089");
    }

    private static List<String> agents(List<Status.Row> rows) {
        return rows.stream().filter(row -> row.component().startsWith("node-agent"))
                .map(row -> row.component() + ":" + row.port()).toList();
    }
}
