package io.voidvm.systemtests.soak;

import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.Tenant;
import io.voidvm.systemtests.harness.VoidvmApi;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;

/**
 * One tenant acting at random through the gateway: creates VMs up to a limit, starts, stops (gracefully or
 * forced), pauses, resumes, resets, reboots and deletes them, without waiting for operations to end — as an
 * impatient user or a script does. Every answer is counted by action and status; nothing is retried.
 */
final class TenantChurn {

    private static final List<String> ACTIONS = List.of("start", "stop", "stop?force=true", "pause", "resume",
            "reset", "reboot");

    private final Tenant tenant;
    private final int maxVms;
    private final RandomGenerator random;
    private final Tally answers;
    /** Every VM this tenant created, for the verdict (which reads each one's log at the end). */
    private final Map<UUID, Tenant> everCreated;
    private final Set<UUID> live = ConcurrentHashMap.newKeySet();
    private int created;

    TenantChurn(Tenant tenant, int maxVms, RandomGenerator random, Tally answers, Map<UUID, Tenant> everCreated) {
        this.tenant = tenant;
        this.maxVms = maxVms;
        this.random = random;
        this.answers = answers;
        this.everCreated = everCreated;
    }

    /** One random action; never throws for what the platform answers or fails to answer. */
    void step() {
        refreshLiveVms();
        List<UUID> vms = new ArrayList<>(live);
        int roll = random.nextInt(100);
        if (vms.isEmpty() || roll < 12 && vms.size() < maxVms) {
            create();
        } else if (roll < 20) {
            delete(vms.get(random.nextInt(vms.size())));
        } else {
            act(vms.get(random.nextInt(vms.size())), ACTIONS.get(random.nextInt(ACTIONS.size())));
        }
    }

    private void create() {
        String name = "soak-" + (++created);
        VoidvmApi.Response answer = call("create", () -> tenant.api().createVm(name, SharedPlatform.GUEST_MEMORY_MB));
        if (answer != null && answer.status() == 201) {
            UUID id = answer.id();
            everCreated.put(id, tenant);
            live.add(id);
        }
    }

    private void delete(UUID vm) {
        VoidvmApi.Response answer = call("delete", () -> tenant.api().delete(vm));
        if (answer != null && (answer.status() == 202 || answer.status() == 404)) {
            live.remove(vm);
        }
    }

    private void act(UUID vm, String action) {
        call(action, () -> tenant.api().act(vm, action));
    }

    /** The tenant's VMs as the API lists them; the local set stays as it was when the list fails. */
    private void refreshLiveVms() {
        VoidvmApi.Response list = call("list", () -> tenant.api().listVms("limit=100"));
        if (list == null || list.status() != 200) {
            return;
        }
        Set<UUID> listed = ConcurrentHashMap.newKeySet();
        for (JsonNode vm : list.body().path("items")) {
            if (!"DELETING".equals(vm.path("status").asString())) {
                listed.add(UUID.fromString(vm.path("id").asString()));
            }
        }
        live.retainAll(listed);
        live.addAll(listed);
    }

    private VoidvmApi.Response call(String what, java.util.function.Supplier<VoidvmApi.Response> request) {
        String label = what.replace("?force=true", "(force)");
        try {
            VoidvmApi.Response answer = request.get();
            answers.add(label + " " + answer.status());
            return answer;
        } catch (UncheckedIOException e) {
            answers.add(label + " no answer");
            return null;
        }
    }

    /** A pause of up to {@code longest}, uniform. */
    static void pause(RandomGenerator random, Duration longest) throws InterruptedException {
        Thread.sleep(random.nextLong(longest.toMillis() + 1));
    }
}
