package io.voidvm.nodeagent.qmp;

/** QEMU answered a command with {@code {"error": {"class": ..., "desc": ...}}}. */
public final class QmpCommandException extends QmpException {

    private final String command;
    private final String errorClass;
    private final String description;

    public QmpCommandException(String command, String errorClass, String description) {
        super(command + " failed: " + errorClass + ": " + description);
        this.command = command;
        this.errorClass = errorClass;
        this.description = description;
    }

    public String command() {
        return command;
    }

    /** QEMU's error class, e.g. {@code GenericError}, {@code CommandNotFound}, {@code DeviceNotFound}. */
    public String errorClass() {
        return errorClass;
    }

    public String description() {
        return description;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
