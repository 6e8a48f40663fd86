package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.event.VmEvent;

/** Where the runtime reports status changes and command results; the Kafka adapter is the real one. */
@FunctionalInterface
public interface VmEventSink {

    /** Must not block for long: it is called on a VM's serial executor. */
    void publish(EventContext context, VmEvent event);
}
