package io.voidvm.systemtests.harness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE one place for settings that make faults observable quickly in system tests: heartbeat interval, how long
 * a silent node is trusted, resync period, operation deadlines, stray grace and the like, as environment
 * variables per component of the {@link SharedPlatform}. Production defaults are minutes; a test waits seconds.
 *
 * <p>Branches that add such a setting add it here, in their own block below (so that merges do not collide), and
 * nowhere else; a test that needs the value reads it from here. Unknown variables are harmless to Spring, so a
 * name may be declared before the setting behind it is merged. Keys of the outer map are component names:
 * {@value SharedPlatform#VM_SERVICE}, {@value SharedPlatform#NODE_AGENT} (every agent), and the other services'
 * module names.
 */
public final class FaultTimings {

    private FaultTimings() {
    }

    /** The environment variables {@code component} gets on top of its wiring. */
    public static Map<String, String> forComponent(String component) {
        return ALL.getOrDefault(component, Map.of());
    }

    /** A duration setting of {@code component} as a test waits on it ({@code 500ms}, {@code 5s}, {@code 2m}). */
    public static Duration duration(String component, String variable) {
        String value = forComponent(component).get(variable);
        if (value == null) {
            throw new IllegalArgumentException(variable + " of " + component + " is not set in FaultTimings");
        }
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(variable + " = " + value + " is not a duration like 500ms, 5s or 2m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    private static final Map<String, Map<String, String>> ALL = build();

    private static Map<String, Map<String, String>> build() {
        Timings timings = new Timings();

        // --- settings that exist on main today -------------------------------------------------------------
        // the agent beats every second, vm-service trusts a node for five: placement avoids a killed agent soon
        timings.set(SharedPlatform.NODE_AGENT, "VOIDVM_NODEAGENT_HEARTBEATINTERVAL", "1s");
        timings.set(SharedPlatform.VM_SERVICE, "VOIDVM_VM_NODELOSTAFTER", "5s");
        // the marker guest ignores ACPI: every graceful stop waits this long before the agent forces it
        timings.set(SharedPlatform.VM_SERVICE, "VOIDVM_VM_DEFAULTSTOPTIMEOUT", "1s");
        // a broker outage must not leave outbox rows backing off for the default minute after it ends
        timings.set(SharedPlatform.VM_SERVICE, "VOIDVM_OUTBOX_BACKOFF_MAX", "2s");
        // boot volumes of deleted VMs are retried this often while storage-service is away
        timings.set(SharedPlatform.VM_SERVICE, "VOIDVM_VM_STORAGE_SWEEPINTERVAL", "1s");

        // --- node-liveness (node grace period before NOT_READY / UNKNOWN, ...): add below --------------------
        // a node silent for VOIDVM_VM_NODELOSTAFTER (above) is NOT_READY, its VMs UNKNOWN, within this much more
        timings.set(SharedPlatform.VM_SERVICE, "VOIDVM_VM_PLACEMENT_NODECHECKINTERVAL", "500ms");
        // not a timing, but the one place for vm-service's settings here: agents report their host's real cores
        // (two on the CI machine) and every system test's VMs share the two nodes (halted marker guests), so each
        // node offers 24 vCPUs per core instead of the default 4
        timings.set(SharedPlatform.VM_SERVICE, "VOIDVM_VM_PLACEMENT_CPUOVERCOMMIT", "24");

        // --- convergence (agent resync period and jitter, stray grace, ...): add below -----------------------
        // every agent fetches its desired state and reports its node every 2 s (±20 %, the default jitter)
        timings.set(SharedPlatform.NODE_AGENT, "VOIDVM_NODEAGENT_RECONCILE_INTERVAL", "2s");
        // a change this young is left to its command; older, the resync adopts it (a lost command)
        timings.set(SharedPlatform.NODE_AGENT, "VOIDVM_NODEAGENT_RECONCILE_COMMANDGRACE", "2s");
        // a VM vm-service does not list (injected, force-deleted while its node was down) goes after 5 s
        timings.set(SharedPlatform.NODE_AGENT, "VOIDVM_NODEAGENT_RECONCILE_STRAYGRACEPERIOD", "5s");
        // a stop the resync adopts has no request to time it, and the marker guest ignores ACPI
        timings.set(SharedPlatform.NODE_AGENT, "VOIDVM_NODEAGENT_RUNTIME_DEFAULTSTOPTIMEOUT", "2s");

        // --- op-deadlines (operation deadlines per action, awaited-answer deadlines, ...): add below ----------

        // --- agent-bounds (blob download deadline, queue bounds, ...): add below -----------------------------

        // --- dead-letters: add below -------------------------------------------------------------------------

        return timings.frozen();
    }

    /** Ordered, and refuses a second value for one variable (two branches setting it differently). */
    private static final class Timings {
        private final Map<String, Map<String, String>> byComponent = new LinkedHashMap<>();

        void set(String component, String variable, String value) {
            String earlier = byComponent.computeIfAbsent(component, c -> new LinkedHashMap<>()).put(variable, value);
            if (earlier != null) {
                throw new IllegalStateException(variable + " of " + component + " is set twice (" + earlier + ", "
                        + value + ")");
            }
        }

        Map<String, Map<String, String>> frozen() {
            Map<String, Map<String, String>> copy = new LinkedHashMap<>();
            byComponent.forEach((component, variables) -> copy.put(component, Map.copyOf(variables)));
            return Map.copyOf(copy);
        }
    }
}
