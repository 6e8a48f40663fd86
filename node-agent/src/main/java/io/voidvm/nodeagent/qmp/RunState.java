package io.voidvm.nodeagent.qmp;

import java.util.Arrays;

/** QEMU's {@code RunState} as reported by {@code query-status}; {@link #UNKNOWN} for names newer than this list. */
public enum RunState {
    DEBUG("debug"),
    INMIGRATE("inmigrate"),
    INTERNAL_ERROR("internal-error"),
    IO_ERROR("io-error"),
    PAUSED("paused"),
    POSTMIGRATE("postmigrate"),
    PRELAUNCH("prelaunch"),
    FINISH_MIGRATE("finish-migrate"),
    RESTORE_VM("restore-vm"),
    RUNNING("running"),
    SAVE_VM("save-vm"),
    SHUTDOWN("shutdown"),
    SUSPENDED("suspended"),
    WATCHDOG("watchdog"),
    GUEST_PANICKED("guest-panicked"),
    COLO("colo"),
    UNKNOWN("");

    private final String wireName;

    RunState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** A QEMU upgrade may add states; the agent must still read the status rather than fail. */
    public static RunState fromWire(String name) {
        return Arrays.stream(values())
                .filter(state -> state != UNKNOWN && state.wireName.equals(name))
                .findFirst()
                .orElse(UNKNOWN);
    }
}
