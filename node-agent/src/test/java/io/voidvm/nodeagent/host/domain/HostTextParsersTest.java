package io.voidvm.nodeagent.host.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HostTextParsersTest {

    @Test
    void readsMemTotalInMebibytes() {
        String meminfo = """
                MemTotal:       24683656 kB
                MemFree:        23044684 kB
                MemAvailable:   24205224 kB
                """;
        assertThat(HostTextParsers.memTotalMb(meminfo)).isEqualTo(24683656 / 1024);
    }

    @Test
    void meminfoWithoutMemTotalIsAnError() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostTextParsers.memTotalMb("MemFree: 1 kB\n"))
                .withMessageContaining("MemTotal");
    }

    @Test
    void countsTheOnlineCpusOfASysfsList() {
        assertThat(HostTextParsers.onlineCpus("0-1\n")).isEqualTo(2);
        assertThat(HostTextParsers.onlineCpus("0")).isEqualTo(1);
        assertThat(HostTextParsers.onlineCpus("0-3,6,8-9")).isEqualTo(7);
        for (String bad : new String[] {"", "x", "3-1", "0-", "0,,1"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> HostTextParsers.onlineCpus(bad));
        }
    }

    @Test
    void readsQemuVersionWithoutDistributionSuffix() {
        String output = """
                QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)
                Copyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers
                """;
        assertThat(HostTextParsers.qemuVersion(output)).contains("7.2.22");
        assertThat(HostTextParsers.qemuVersion("QEMU emulator version 9.1\n")).contains("9.1");
    }

    @Test
    void noVersionInOutputIsEmpty() {
        assertThat(HostTextParsers.qemuVersion("qemu-system-x86_64: command not found")).isEmpty();
    }
}
