package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.config.NodeAgentProperties;
import io.voidvm.nodeagent.qemu.AcceleratorProbe;
import io.voidvm.nodeagent.qemu.domain.Accelerator;
import io.voidvm.nodeagent.qemu.domain.AcceleratorMode;
import io.voidvm.nodeagent.qemu.domain.NodeConfig;
import io.voidvm.nodeagent.qmp.QmpClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the VM runtime from the node's settings. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    VmRuntimes vmRuntimes(NodeAgentProperties node, RuntimeProperties runtime, VmEventSink events, Clock clock) {
        Path stateDir = node.stateDir().toAbsolutePath().normalize();
        NodeConfig nodeConfig = new NodeConfig(stateDir, AcceleratorMode.valueOf(node.accelerator().name()),
                onPath(node.qemuBinary()), runtime.sandbox(), runtime.machineType());
        Accelerator accelerator = new AcceleratorProbe().resolve(nodeConfig.accelerator());
        RuntimeSettings settings = new RuntimeSettings(nodeConfig, accelerator, runtime.qmpTimeout(),
                runtime.connectTimeout(), runtime.defaultStopTimeout(), runtime.quitTimeout(), runtime.maxRestarts(),
                runtime.restartWindow());
        QemuLauncher launcher = new DetachedQemuLauncher(onPath("setsid"), runtime.connectTimeout());
        DiskProvisioner disks = new DiskProvisioner(Optional.ofNullable(runtime.testDiskDir()),
                Optional.ofNullable(node.testDiskPath()));
        RuntimeContext context = new RuntimeContext(launcher, QmpClient::connect, events, new VmStore(stateDir),
                disks, settings, clock);
        ProcessedCommandLog processed = ProcessedCommandLog.open(stateDir.resolve("processed-commands.log"),
                runtime.processedIdsCapacity());
        return new VmRuntimes(context, processed);
    }

    /**
     * The absolute path of {@code program}; when it is on no PATH entry, {@code /usr/bin/<program>}, so that the
     * agent still starts and a launch fails naming the missing file.
     */
    static Path onPath(String program) {
        Path given = Path.of(program);
        if (given.isAbsolute()) {
            return given;
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/bin"))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).resolve(program))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(Path.of("/usr/bin").resolve(program))
                .toAbsolutePath();
    }
}
