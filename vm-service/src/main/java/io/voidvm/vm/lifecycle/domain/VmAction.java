package io.voidvm.vm.lifecycle.domain;

/** What a user can ask of an existing VM. {@link #FORCE_STOP} is {@code stop?force=true}. */
public enum VmAction {
    START("start"),
    STOP("stop"),
    FORCE_STOP("force-stop"),
    PAUSE("pause"),
    RESUME("resume"),
    RESET("reset"),
    REBOOT("reboot"),
    DELETE("delete"),
    UPDATE("update");

    private final String verb;

    VmAction(String verb) {
        this.verb = verb;
    }

    /** The lowercase word used in problem details ("cannot resume while STOPPED"). */
    public String verb() {
        return verb;
    }
}
