package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.config.Executables;
import io.voidvm.nodeagent.config.NodeAgentProperties;
import io.voidvm.nodeagent.qemu.AcceleratorProbe;
import io.voidvm.nodeagent.qemu.domain.Accelerator;
import io.voidvm.nodeagent.qemu.domain.AcceleratorMode;
import io.voidvm.nodeagent.qemu.domain.NodeConfig;
import io.voidvm.nodeagent.qmp.QmpClient;
import io.voidvm.nodeagent.volume.VolumeCommands;
import io.voidvm.nodeagent.volume.VolumeDisks;
import io.voidvm.nodeagent.volume.VolumeEventSink;
import io.voidvm.nodeagent.volume.VolumeProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the VM runtime and the volume commands from the node's settings. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    /** Node-wide, shared by VM and volume commands: one message id is taken on once, whatever it carries. */
    @Bean(destroyMethod = "")
    ProcessedCommandLog processedCommandLog(NodeAgentProperties node, RuntimeProperties runtime) {
        Path stateDir = node.stateDir().toAbsolutePath().normalize();
        return ProcessedCommandLog.open(stateDir.resolve("processed-commands.log"), runtime.processedIdsCapacity());
    }

    @Bean
    VmRuntimes vmRuntimes(NodeAgentProperties node, RuntimeProperties runtime, VolumeProperties volumes,
            VmEventSink events, VolumeEventSink volumeEvents, VolumeDisks volumeDisks, ProcessedCommandLog processed,
            Clock clock) {
        Path stateDir = node.stateDir().toAbsolutePath().normalize();
        NodeConfig nodeConfig = new NodeConfig(stateDir, AcceleratorMode.valueOf(node.accelerator().name()),
                Executables.onPath(node.qemuBinary()), runtime.sandbox(), runtime.machineType());
        Accelerator accelerator = new AcceleratorProbe().resolve(nodeConfig.accelerator());
        RuntimeSettings settings = new RuntimeSettings(nodeConfig, accelerator, runtime.qmpTimeout(),
                runtime.connectTimeout(), runtime.defaultStopTimeout(), runtime.quitTimeout(), runtime.maxRestarts(),
                runtime.restartWindow(), runtime.taskQueueCapacity());
        QemuLauncher launcher = new DetachedQemuLauncher(Executables.onPath("setsid"), runtime.connectTimeout());
        DiskProvisioner disks = new DiskProvisioner(Optional.ofNullable(runtime.testDiskDir()),
                Optional.ofNullable(node.testDiskPath()), Optional.of(volumeDisks), volumes.volumeWaitTimeout());
        QmpConnector qmp = (socket, timeout) -> QmpClient.connect(socket, timeout, runtime.qmpEventBuffer());
        RuntimeContext context = new RuntimeContext(launcher, qmp, events, new VmStore(stateDir), disks, settings,
                clock, volumeEvents, volumes.unplugTimeout());
        return new VmRuntimes(context, processed);
    }

    @Bean
    VmBlockDevicesEndpoint vmBlockDevicesEndpoint(VmRuntimes vms) {
        return new VmBlockDevicesEndpoint(vms);
    }

    @Bean
    VolumeCommands volumeCommands(VolumeDisks volumeDisks, VmRuntimes vms, VolumeEventSink volumeEvents,
            ProcessedCommandLog processed, Clock clock) {
        return new VolumeCommands(volumeDisks, vms, volumeEvents, processed, clock);
    }
}
