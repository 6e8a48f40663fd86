package io.voidvm.nodeagent.runtime.domain;

/**
 * The next step from an observed state to a desired power state. The runtime applies steps until
 * {@link Step#NONE}; each step changes the observed state, so at most three steps are ever needed
 * (e.g. STOPPING → SHUT_DOWN → LAUNCH → CONTINUE).
 */
public final class Convergence {

    /** A bound for callers' loops: more steps than this means a bug, not a slow VM. */
    public static final int MAX_STEPS = 4;

    private Convergence() {
    }

    public static Step next(VmState observed, DesiredPower desired) {
        return switch (desired) {
            case RUNNING -> switch (observed) {
                case DEFINED, STOPPED, CRASHED -> Step.LAUNCH;
                case STARTING, PAUSED -> Step.CONTINUE;
                case RUNNING -> Step.NONE;
                case STOPPING -> Step.SHUT_DOWN;
            };
            // a VM launched with -S never ran a guest instruction: it is paused until continued
            case PAUSED -> switch (observed) {
                case DEFINED, STOPPED, CRASHED -> Step.LAUNCH;
                case RUNNING -> Step.PAUSE;
                case STARTING, PAUSED -> Step.NONE;
                case STOPPING -> Step.SHUT_DOWN;
            };
            case STOPPED -> observed.hasQemu() ? Step.SHUT_DOWN : Step.NONE;
            case DELETED -> observed.hasQemu() ? Step.SHUT_DOWN : Step.REMOVE;
        };
    }
}
