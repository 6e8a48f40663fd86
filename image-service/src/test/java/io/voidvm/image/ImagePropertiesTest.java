package io.voidvm.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import io.voidvm.image.config.ImageProperties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ImagePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "voidvm.image.blob-store-dir=${java.io.tmpdir}/voidvm-image-test/blobs",
                    "voidvm.image.max-upload-size=20GB",
                    "voidvm.image.qemu-img-binary=qemu-img",
                    "voidvm.image.import-timeout=30m");

    @Test
    void bindsValidSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ImageProperties properties = context.getBean(ImageProperties.class);
            assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofGigabytes(20));
            assertThat(properties.blobStoreDir()).isEqualTo(
                    Path.of(System.getProperty("java.io.tmpdir"), "voidvm-image-test", "blobs"));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "blob-store-dir= | blob-store-dir",
            "max-upload-size=100KB | max-upload-size",
            "max-upload-size=huge | max-upload-size",
            "qemu-img-binary= | qemu-img-binary",
            "import-timeout=1s | import-timeout",
            "import.max-concurrent=0 | import.max-concurrent",
            "import.max-concurrent-per-tenant=5 | import.max-concurrent-per-tenant",
            "http.read-timeout=0s | http.read-timeout",
            "http.idle-timeout=2h | http.idle-timeout",
            "http.handler-timeout=0s | http.handler-timeout"})
    void badSettingFailsNamingTheProperty(String setting, String property) {
        String kebab = "voidvm.image." + property;
        String camel = "voidvm.image." + camelCase(property);
        runner.withPropertyValues("voidvm.image." + setting).run(context ->
                assertThat(context).getFailure().satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining(kebab),
                        failure -> assertThat(failure).hasStackTraceContaining(camel)));
    }

    @TempDir
    Path tmp;

    @Test
    void blobStoreUnderAFileIsRefused() throws Exception {
        Path file = Files.createFile(tmp.resolve("a-file"));
        runner.withPropertyValues("voidvm.image.blob-store-dir=" + file.resolve("blobs")).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("voidvm.image.blob-store-dir")
                        .hasStackTraceContaining("writable directory"));
    }

    /** Boot names a property in kebab case when its value is wrong, in camelCase when it is missing. */
    private static String camelCase(String kebab) {
        return Pattern.compile("-([a-z])").matcher(kebab).replaceAll(match -> match.group(1).toUpperCase());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImageProperties.class)
    static class PropertiesOnly {
    }
}
