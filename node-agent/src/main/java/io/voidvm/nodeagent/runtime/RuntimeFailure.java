package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.node.AgentErrorCodes;

/** A command could not be carried out; {@link #code()} becomes the CommandResult's stable error code. */
final class RuntimeFailure extends RuntimeException {

    static final String QEMU_START_FAILED = "QEMU_START_FAILED";
    static final String QMP_FAILED = "QMP_FAILED";
    static final String VM_NOT_RUNNING = "VM_NOT_RUNNING";
    static final String VM_NOT_DEFINED = "VM_NOT_DEFINED";
    static final String UNSUPPORTED_SPEC = "UNSUPPORTED_SPEC";
    static final String NOT_SUPPORTED = "NOT_SUPPORTED";
    static final String AGENT_ERROR = "AGENT_ERROR";
    /** The VM's task queue is full (or its runtime closed): nothing was done; the same request may succeed later. */
    static final String AGENT_BUSY = AgentErrorCodes.AGENT_BUSY;

    private final String code;

    RuntimeFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    static RuntimeFailure notSupported(io.voidvm.contracts.vm.command.VmCommand action) {
        return new RuntimeFailure(NOT_SUPPORTED, action.getClass().getSimpleName() + " is not supported by this agent yet",
                null);
    }

    String code() {
        return code;
    }
}
