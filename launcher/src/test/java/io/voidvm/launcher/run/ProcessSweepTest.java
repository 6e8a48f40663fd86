package io.voidvm.launcher.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessSweepTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void findsAQemuThatNamesTheDataDirAndStopsIt() throws IOException {
        // a stand-in VM: /bin/sleep under QEMU's executable name, living under the data dir like the agent's VMs
        Process vm = start(copyOfSleep(dataDir.resolve("node-agent"), "qemu-system-x86_64"));
        Process unrelated = start(copyOfSleep(elsewhere, "qemu-system-x86_64"));
        Process notQemu = start(copyOfSleep(dataDir, "sleep"));

        List<ProcessHandle> found = ProcessSweep.qemu(dataDir);

        assertThat(found).extracting(ProcessHandle::pid).containsExactly(vm.pid());
        assertThat(ProcessTree.stop(found, Duration.ofSeconds(5))).isTrue();
        assertThat(vm.isAlive()).isFalse();
        assertThat(unrelated.isAlive()).isTrue();
        assertThat(notQemu.isAlive()).isTrue();
    }

    @Test
    void theCallerDecidesByExecutableAndCommandLine() throws IOException {
        Process sleeper = start(copyOfSleep(dataDir, "sleep"));

        assertThat(ProcessSweep.naming(dataDir, (name, line) -> name.equals("sleep") && line.endsWith(" 60")))
                .extracting(ProcessHandle::pid).containsExactly(sleeper.pid());
        assertThat(ProcessSweep.naming(dataDir, (name, line) -> name.equals("java"))).isEmpty();
    }

    private Process start(Path executable) throws IOException {
        Process process = new ProcessBuilder(executable.toString(), "60").start();
        started.add(process);
        return process;
    }

    private static Path copyOfSleep(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        return Files.copy(Path.of("/bin/sleep"), dir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }
}
