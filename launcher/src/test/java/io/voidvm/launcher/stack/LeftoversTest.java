package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.run.PidRecord;
import io.voidvm.launcher.run.RunDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoversTest {

    @TempDir
    Path dir;

    private Process agent;

    @AfterEach
    void killTheStandIn() {
        if (agent != null) {
            agent.destroyForcibly();
        }
    }

    @Test
    void downFindsAndStopsASecondNodeAgentWhoseLauncherIsGone() throws Exception {
        DataHome home = new DataHome(dir);
        RunDir runDir = new RunDir(home.run());
        agent = new ProcessBuilder("sleep", "300").start();
        runDir.record("node-agent-2", List.of(PidRecord.of(agent.toHandle())));

        assertThat(Leftovers.find(runDir, home)).containsEntry("node-agent-2", List.of(agent.toHandle()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int stopped = Leftovers.clean(runDir, home, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                System::nanoTime), "a test");

        assertThat(stopped).isEqualTo(1);
        assertThat(agent.isAlive()).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopping leftover node-agent-2");
        assertThat(runDir.read("node-agent-2")).isEmpty();
    }
}
