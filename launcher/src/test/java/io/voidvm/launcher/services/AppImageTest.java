package io.voidvm.launcher.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class AppImageTest {

    @TempDir
    Path dir;

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void aPlainJarRunsAsItIsWithTheArchiveInTheCache() throws IOException {
        Path jar = jar("plain.jar", null);

        AppImage image = AppImage.prepare(java, jar, dir.resolve("cache"));

        assertThat(image.jar()).isEqualTo(jar);
        assertThat(image.cdsArchive()).isEqualTo(dir.resolve("cache/cds.jsa"));
        assertThat(AppImage.isBootJar(jar)).isFalse();
    }

    @Test
    void aBootJarThatCannotBeExtractedFallsBackToTheFatJar() throws IOException {
        // claims to be a Spring Boot jar but has no jarmode support: extraction fails, start-up must not
        Path jar = jar("broken-boot.jar", "4.0.7");

        AppImage image = AppImage.prepare(java, jar, dir.resolve("cache"));

        assertThat(AppImage.isBootJar(jar)).isTrue();
        assertThat(image.jar()).isEqualTo(jar);
    }

    @Test
    void theStampChangesWithTheJar() throws IOException {
        Path jar = jar("a.jar", null);
        String before = AppImage.stampOf(jar);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000));

        assertThat(AppImage.stampOf(jar)).isNotEqualTo(before).startsWith(Files.size(jar) + " 1000");
    }

    private Path jar(String name, String bootVersion) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bootVersion != null) {
            manifest.getMainAttributes().putValue("Spring-Boot-Version", bootVersion);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
