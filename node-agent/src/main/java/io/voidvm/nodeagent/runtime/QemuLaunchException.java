package io.voidvm.nodeagent.runtime;

/** QEMU did not start; the message quotes what QEMU said, which is what an operator needs. */
public final class QemuLaunchException extends RuntimeException {

    public QemuLaunchException(String message) {
        super(message);
    }

    public QemuLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
