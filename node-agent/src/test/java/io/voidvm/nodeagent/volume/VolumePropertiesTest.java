package io.voidvm.nodeagent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class VolumePropertiesTest {

    @TempDir
    Path tmp;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues(
                        "voidvm.nodeagent.volumes.pools-root=" + tmp.resolve("pools"),
                        "voidvm.nodeagent.volumes.image-cache-dir=" + tmp.resolve("images"),
                        "voidvm.nodeagent.volumes.image-service-url=http://127.0.0.1:8083",
                        "voidvm.nodeagent.volumes.platform.token-url=http://127.0.0.1:18080/realms/voidvm/token",
                        "voidvm.nodeagent.volumes.platform.client-id=voidvm-platform",
                        "voidvm.nodeagent.volumes.platform.client-secret=secret");
    }

    @Test
    void bindsValidSettingsWithDefaults() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            VolumeProperties volumes = context.getBean(VolumeProperties.class);
            assertThat(volumes.imageServiceUrl()).isEqualTo(URI.create("http://127.0.0.1:8083"));
            assertThat(volumes.volumeWaitTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(volumes.imageCacheMaxSize().toGigabytes()).isEqualTo(20);
            assertThat(volumes.platform().toString()).doesNotContain("secret=secret").contains("***");
            assertThat(volumes.downloadDeadline()).isEqualTo(Duration.ofHours(1));
            assertThat(volumes.maxConcurrentDownloads()).isEqualTo(2);
            assertThat(volumes.maxWaitingDownloads()).isEqualTo(32);
            assertThat(volumes.maxConcurrentDiskTools()).isEqualTo(2);
            assertThat(volumes.maxWaitingDiskTools()).isEqualTo(64);
            assertThat(volumes.slotWaitTimeout()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "image-service-url=ftp://host/    | image-service-url",
            "image-service-url=               | imageServiceUrl",
            "platform.client-secret=          | platform.clientSecret",
            "platform.client-id=              | platform.clientId",
            "volume-wait-timeout=0s           | volume-wait-timeout",
            "image-cache-max-size=0B          | image-cache-max-size",
            "unplug-timeout=soon              | unplug-timeout",
            "download-deadline=0s             | download-deadline",
            "download-deadline=10s            | download-deadline",
            "max-concurrent-downloads=0       | max-concurrent-downloads",
            "max-waiting-downloads=-1         | max-waiting-downloads",
            "max-concurrent-disk-tools=0      | max-concurrent-disk-tools",
            "max-waiting-disk-tools=many      | max-waiting-disk-tools",
            "slot-wait-timeout=2h             | slot-wait-timeout"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        runner().withPropertyValues("voidvm.nodeagent.volumes." + setting).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining(property));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VolumeProperties.class)
    static class PropertiesOnly {
    }
}
