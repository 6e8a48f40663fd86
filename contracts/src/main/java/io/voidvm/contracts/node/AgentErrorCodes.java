package io.voidvm.contracts.node;

/**
 * Error codes a node agent sends in a failed command's result ({@code CommandResult.errorCode},
 * {@code VolumeEvent.errorCode}) whose meaning the receivers act on. Other codes are for people and logs.
 */
public final class AgentErrorCodes {

    /**
     * The node had no room for the work now (a VM's task queue, or the node-wide limit of downloads or
     * {@code qemu-img} runs and the work waiting for them, was full): nothing was done, and the same command may
     * succeed when sent again.
     */
    public static final String AGENT_BUSY = "AGENT_BUSY";

    private AgentErrorCodes() {
    }
}
