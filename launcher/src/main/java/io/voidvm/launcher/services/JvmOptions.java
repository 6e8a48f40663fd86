package io.voidvm.launcher.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java} argv of a service. Eight JVMs plus the infrastructure share two cores and a laptop's memory,
 * so each gets a small heap, C1 only (start-up matters more than peak speed here) and the serial collector.
 */
public final class JvmOptions {

    private JvmOptions() {
    }

    public static List<String> command(Path java, int javaFeature, ServiceSpec service, AppImage image, Path dataHome) {
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xms32m", "-Xmx256m", "-Xss512k",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=192m",
                "-Djava.awt.headless=true",
                // names the data dir on the command line, so ./voidvm down finds it even without its pid file
                "-Dvoidvm.stack=" + dataHome + "/",
                "-Dvoidvm.service=" + service.name()));
        if (javaFeature >= 24) {
            command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        }
        // written at the first exit, mapped on every later start; rebuilt by the JVM if the classpath changed
        // (classes that Spring defines at run time cannot be archived: expected, so not worth a warning each)
        command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + image.cdsArchive(),
                "-Xlog:cds*=error"));
        command.addAll(List.of("-jar", image.jar().toString(), "--server.port=" + service.port()));
        return command;
    }
}
