package io.voidvm.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.nodeagent.config.NodeAgentProperties;
import io.voidvm.nodeagent.host.domain.Accelerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class NodeAgentPropertiesTest {

    @TempDir
    Path tmp;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues(
                        "voidvm.nodeagent.node-name=node-1",
                        "voidvm.nodeagent.state-dir=" + tmp.resolve("state"),
                        "voidvm.nodeagent.qemu-binary=qemu-system-x86_64",
                        "voidvm.nodeagent.accelerator=auto",
                        "voidvm.nodeagent.heartbeat-interval=10s",
                        "voidvm.nodeagent.reserved-memory-mb=512");
    }

    @Test
    void bindsValidSettings() {
        runner().withPropertyValues("voidvm.nodeagent.accelerator=TCG", "voidvm.nodeagent.labels.zone=lab")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    NodeAgentProperties properties = context.getBean(NodeAgentProperties.class);
                    assertThat(properties.accelerator()).isEqualTo(Accelerator.TCG);
                    assertThat(properties.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.labels()).containsEntry("zone", "lab");
                    assertThat(properties.testDiskPath()).isNull();
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "node-name=Node_1             | node-name",
            "node-name=-edge              | node-name",
            "node-name=                   | node-name",
            "accelerator=xen              | accelerator",
            "heartbeat-interval=0s        | heartbeat-interval",
            "heartbeat-interval=often     | heartbeat-interval",
            "reserved-cpus=-1             | reserved-cpus",
            "qemu-binary=                 | qemu-binary",
            "test-disk-path=/no/such/disk | test-disk-path"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        runner().withPropertyValues("voidvm.nodeagent." + setting).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("voidvm.nodeagent." + property));
    }

    @Test
    void stateDirUnderAFileIsRefused() throws IOException {
        Path file = Files.createFile(tmp.resolve("a-file"));
        runner().withPropertyValues("voidvm.nodeagent.state-dir=" + file.resolve("state")).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("voidvm.nodeagent.state-dir")
                        .hasStackTraceContaining("writable directory"));
    }

    @Test
    void readableTestDiskIsAccepted() throws IOException {
        Path disk = Files.write(tmp.resolve("disk.raw"), new byte[512]);
        runner().withPropertyValues("voidvm.nodeagent.test-disk-path=" + disk).run(context ->
                assertThat(context.getBean(NodeAgentProperties.class).testDiskPath()).isEqualTo(disk));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NodeAgentProperties.class)
    static class PropertiesOnly {
    }
}
