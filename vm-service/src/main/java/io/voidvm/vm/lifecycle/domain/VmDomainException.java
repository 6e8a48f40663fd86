package io.voidvm.vm.lifecycle.domain;

/**
 * A request the VM rules refuse. The family is closed so the web layer maps each member exhaustively:
 * {@link InvalidTransition} to 409, {@link InvalidVmSpec} to 400. Messages are written for the client.
 */
public abstract sealed class VmDomainException extends RuntimeException permits InvalidTransition, InvalidVmSpec {

    protected VmDomainException(String message) {
        // no stack trace: these are expected answers, not faults
        super(message, null, false, false);
    }
}
