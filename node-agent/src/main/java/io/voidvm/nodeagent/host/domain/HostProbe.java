package io.voidvm.nodeagent.host.domain;

/** Reads what the host offers. One real implementation for Linux; tests may use fixed facts. */
public interface HostProbe {

    HostFacts read();
}
