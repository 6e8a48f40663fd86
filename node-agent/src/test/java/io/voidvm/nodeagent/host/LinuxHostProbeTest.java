package io.voidvm.nodeagent.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.nodeagent.host.domain.HostFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe over files laid out like /proc and /sys, so the host it reports is the files', not this machine's. */
class LinuxHostProbeTest {

    @TempDir
    Path dir;

    @Test
    void reportsTheHostsOnlineCpusNotWhatTheJvmSees() throws IOException {
        HostFacts facts = probe("0-5,8\n").read();

        assertThat(facts.cpus()).isEqualTo(7);
        assertThat(facts.memoryMb()).isEqualTo(4096);
        assertThat(facts.kvmUsable()).isFalse();
        assertThat(facts.qemuVersion()).isEmpty();
    }

    @Test
    void withoutACpuListItFallsBackToWhatTheJvmSees() throws IOException {
        assertThat(probe(null).read().cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(probe("garbage").read().cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private LinuxHostProbe probe(String cpuList) throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemTotal:        4194304 kB\n");
        Path online = dir.resolve("online");
        Files.deleteIfExists(online);
        if (cpuList != null) {
            Files.writeString(online, cpuList);
        }
        return new LinuxHostProbe(meminfo, online, dir.resolve("no-kvm"), dir, dir.resolve("no-qemu").toString());
    }
}
