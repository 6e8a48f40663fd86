package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /api/v1/vms/{id}/logs}: operations and the node's explained status changes in one timeline. */
class VmLogIT extends VmServiceIT {

    @Test
    void aCrashRepairedByTheRestartPolicyIsInTheLogBesideTheOperations() {
        String node = givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "crashy"));
        report(client, vm, VmStatus.STOPPED);
        client.post().uri("/api/v1/vms/{id}/start", vm).exchange().expectStatus().isAccepted();
        report(client, vm, VmStatus.RUNNING);

        Instant crashedAt = Instant.now();
        reportWithReason(client, vm, VmStatus.ERROR, "qemu exited unexpectedly: killed by signal 9", crashedAt);
        reportWithReason(client, vm, VmStatus.STARTING, "restarted by restart policy ALWAYS",
                crashedAt.plusMillis(5));
        report(client, vm, VmStatus.RUNNING);

        List<Map<String, Object>> items = items(client, vm, "?limit=50");
        assertThat(items).extracting(item -> item.get("type"))
                .containsExactly("event", "event", "operation", "operation");
        assertThat(items).extracting(VmLogIT::summary).containsExactly(
                "STARTING restarted by restart policy ALWAYS node:" + node,
                "ERROR qemu exited unexpectedly: killed by signal 9 node:" + node,
                "START SUCCEEDED",
                "CREATE SUCCEEDED");
        Map<?, ?> crash = (Map<?, ?>) items.get(1).get("event");
        // when the node saw it, as PostgreSQL keeps it: rounded (not truncated) to microseconds
        assertThat(Instant.parse((String) items.get(1).get("at"))).isCloseTo(crashedAt, within(1, ChronoUnit.MICROS));
        assertThat(crash.get("kind")).isEqualTo("NODE_REPORT");
    }

    @Test
    void pagesWalkTheMergedLogInOrderWithoutGapsOrRepeats() {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "paged"));
        report(client, vm, VmStatus.STOPPED);
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/v1/vms/{id}/start", vm).exchange().expectStatus().isAccepted();
            reportWithReason(client, vm, VmStatus.RUNNING, "attempt " + i, Instant.now());
            client.post().uri("/api/v1/vms/{id}/stop", vm).exchange().expectStatus().isAccepted();
            reportWithReason(client, vm, VmStatus.STOPPED, "stopped " + i, Instant.now());
        }
        List<Map<String, Object>> whole = items(client, vm, "?limit=200");
        assertThat(whole).hasSize(13);

        List<Map<String, Object>> walked = new ArrayList<>();
        String query = "?limit=2";
        while (query != null) {
            Map<String, Object> page = page(client, vm, query);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            walked.addAll(items);
            query = page.get("nextCursor") == null ? null : "?limit=2&cursor=" + page.get("nextCursor");
        }
        assertThat(walked).isEqualTo(whole);
        assertThat(whole).extracting(item -> Instant.parse((String) item.get("at")))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void anotherTenantsVmLogIsNotFound() {
        givenNode();
        WebTestClient owner = as(newTenant());
        UUID vm = id(createVm(owner, "mine"));
        reportWithReason(owner, vm, VmStatus.ERROR, "guest panicked", Instant.now());
        as(newTenant()).get().uri("/api/v1/vms/{id}/logs", vm).exchange().expectStatus().isNotFound();
        assertThat(items(owner, vm, "")).hasSize(2);
    }

    private void reportWithReason(WebTestClient client, UUID vm, VmStatus status, String reason, Instant at) {
        Map<String, Object> view = getVm(client, vm);
        var event = envelopes.<VmEvent>of(
                        new VmStatusChanged(status, reason, generation(view), at))
                .vmId(vm).tenantId((String) view.get("tenantId")).nodeName((String) view.get("nodeName")).build();
        events.handle(event).block();
    }

    private Map<String, Object> page(WebTestClient client, UUID vm, String query) {
        return json(client.get().uri("/api/v1/vms/" + vm + "/logs" + query).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(WebTestClient client, UUID vm, String query) {
        return (List<Map<String, Object>>) page(client, vm, query).get("items");
    }

    private static String summary(Map<String, Object> item) {
        if (item.get("type").equals("operation")) {
            Map<?, ?> operation = (Map<?, ?>) item.get("operation");
            return operation.get("action") + " " + operation.get("status");
        }
        Map<?, ?> event = (Map<?, ?>) item.get("event");
        return event.get("status") + " " + event.get("reason") + " " + event.get("source");
    }
}
