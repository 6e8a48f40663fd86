package io.voidvm.testsupport.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequiresQemuExtensionTest {

    private static final QemuBinary QEMU = new QemuBinary(Path.of("/usr/bin/qemu-system-x86_64"), Path.of("/usr/bin/qemu-img"));

    @Test
    void runsWhenQemuIsPresentInAndOutOfCi() {
        assertThat(RequiresQemuExtension.decide(Optional.of(QEMU), true)).isEqualTo(new RequiresQemuExtension.Verdict.Run(QEMU));
        assertThat(RequiresQemuExtension.decide(Optional.of(QEMU), false)).isEqualTo(new RequiresQemuExtension.Verdict.Run(QEMU));
    }

    @Test
    void failsInCiWhenQemuIsMissing() {
        assertThat(RequiresQemuExtension.decide(Optional.empty(), true))
                .isInstanceOfSatisfying(RequiresQemuExtension.Verdict.Fail.class,
                        fail -> assertThat(fail.reason()).contains("apt-get install qemu-system-x86 qemu-utils"));
    }

    @Test
    void skipsWithAnInstallHintOutsideCi() {
        assertThat(RequiresQemuExtension.decide(Optional.empty(), false))
                .isInstanceOfSatisfying(RequiresQemuExtension.Verdict.Skip.class,
                        skip -> assertThat(skip.reason()).contains("apt-get install qemu-system-x86 qemu-utils"));
    }
}
