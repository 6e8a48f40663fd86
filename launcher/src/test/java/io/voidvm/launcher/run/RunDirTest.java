package io.voidvm.launcher.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunDirTest {

    @TempDir
    Path dir;

    @Test
    void recordsAndReadsProcesses() {
        RunDir runDir = new RunDir(dir.resolve("run"));
        PidRecord self = PidRecord.of(ProcessHandle.current());

        runDir.record("vm-service", List.of(self, new PidRecord(42, 7)));

        assertThat(runDir.read("vm-service")).containsExactly(self, new PidRecord(42, 7));
        assertThat(runDir.all()).containsOnlyKeys("vm-service");
    }

    @Test
    void liveListsOnlyProcessesThatStillRun() throws Exception {
        RunDir runDir = new RunDir(dir);
        Process finished = new ProcessBuilder("true").start();
        PidRecord gone = PidRecord.of(finished.toHandle());
        finished.waitFor();

        runDir.record("kafka", List.of(gone, PidRecord.of(ProcessHandle.current())));

        assertThat(runDir.live("kafka")).containsExactly(ProcessHandle.current());
    }

    @Test
    void aReusedPidIsNotOurProcess() {
        ProcessHandle self = ProcessHandle.current();
        long startedAt = PidRecord.of(self).startedAtMillis();

        PidRecord sameStart = new PidRecord(self.pid(), startedAt);
        PidRecord otherStart = new PidRecord(self.pid(), startedAt - 3_600_000);

        assertThat(sameStart.live()).contains(self);
        assertThat(otherStart.live()).isEmpty();
    }

    @Test
    void damagedPidFilesNameNoProcess() throws IOException {
        RunDir runDir = new RunDir(dir);
        Files.writeString(dir.resolve("postgres.pid"), "garbage\n\n12 x\n-5 1\n");

        assertThat(runDir.read("postgres")).isEmpty();
        assertThat(runDir.live("postgres")).isEmpty();
    }

    @Test
    void forgetAndReadyMarker() {
        RunDir runDir = new RunDir(dir);
        runDir.record("keycloak", List.of(new PidRecord(5, 0)));
        runDir.markReady("token-1");

        assertThat(runDir.isReady()).isTrue();
        runDir.forget("keycloak");
        runDir.clearReady();

        assertThat(runDir.all()).isEmpty();
        assertThat(runDir.isReady()).isFalse();
    }

    @Test
    void refusesNamesThatCouldEscapeTheDirectory() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunDir(dir).forget("../x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remembersTheNodeCountOfTheRunningStackUntilForgotten() {
        RunDir runDir = new RunDir(dir.resolve("run"));
        assertThat(runDir.nodes()).isEmpty();

        runDir.recordNodes(2);
        assertThat(runDir.nodes()).contains(2);

        runDir.forgetNodes();
        assertThat(runDir.nodes()).isEmpty();
    }
}
