package io.voidvm.nodeagent.host;

import io.voidvm.nodeagent.config.NodeAgentProperties;
import io.voidvm.nodeagent.host.domain.HostFacts;
import io.voidvm.nodeagent.host.domain.HostProbe;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Prepares the host side at start-up: the state directory exists, and the configured accelerator is one the
 * host can give. Either failing stops the agent with the property to fix.
 */
@Configuration(proxyBeanMethods = false)
class HostConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HostConfiguration.class);

    @Bean
    HostProbe hostProbe(NodeAgentProperties properties) {
        try {
            Files.createDirectories(properties.stateDir());
        } catch (IOException e) {
            throw new IllegalStateException("voidvm.nodeagent.state-dir: cannot create " + properties.stateDir(), e);
        }
        LinuxHostProbe probe = new LinuxHostProbe(properties.stateDir(), properties.qemuBinary());
        HostFacts facts = probe.read();
        boolean kvm;
        try {
            kvm = properties.accelerator().usesKvm(facts.kvmUsable());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("voidvm.nodeagent.accelerator: " + e.getMessage(), e);
        }
        log.info("node {}: {} CPUs, {} MB memory, {} GB disk, accelerator {}, QEMU {}", properties.nodeName(),
                facts.cpus(), facts.memoryMb(), facts.diskGb(), kvm ? "kvm" : "tcg",
                facts.qemuVersion().orElse("not found"));
        return probe;
    }
}
