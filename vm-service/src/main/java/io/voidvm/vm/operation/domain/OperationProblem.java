package io.voidvm.vm.operation.domain;

import io.voidvm.contracts.node.AgentErrorCodes;
import java.util.Objects;

/**
 * Why an operation failed; becomes the operation's RFC 9457 problem.
 *
 * @param code   stable machine code: one of the constants here or a node agent's error code
 *               (e.g. {@code QEMU_START_FAILED})
 * @param detail for humans; never secrets
 */
public record OperationProblem(String code, String detail) {

    /** The node reported the VM in ERROR. */
    public static final String VM_ERROR = "VM_ERROR";
    /** A later request changed the desired state before this one was reached. */
    public static final String SUPERSEDED = "SUPERSEDED";
    /** The VM was deleted before this operation finished. */
    public static final String VM_DELETED = "VM_DELETED";
    /** The node failed the command but gave no code. */
    public static final String COMMAND_FAILED = "COMMAND_FAILED";
    /** The node did not finish it by its deadline ({@link OperationDeadlines}, {@link OperationTimeouts}). */
    public static final String TIMED_OUT = "TIMED_OUT";
    /**
     * A node agent's code (not raised here): its queue for the VM was full. For a desired-state command the
     * agent has stored the new generation and converges on it by itself, so that operation stays open.
     */
    public static final String AGENT_BUSY = AgentErrorCodes.AGENT_BUSY;

    public OperationProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
