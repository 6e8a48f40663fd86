package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.vm.observedstate.app.ObservedStateIntake;
import io.voidvm.vm.quota.domain.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Quotas at create and update, and usage reports when a delete completes, with the fake quota owner; the real one
 * is proven in system-tests.
 */
class QuotaIT extends VmServiceIT {

    @Autowired
    ObservedStateIntake observedState;

    @Test
    void aCreateOverQuotaIsA409NamingTheQuotaAndWritesNothing() {
        String tenant = newTenant();
        quotas.limit(tenant, new Resources(1, 100, 100_000));
        createVm(as(tenant), "first");

        as(tenant).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody("second"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("quota-exceeded")
                .jsonPath("$.quota").isEqualTo("vms")
                .jsonPath("$.limit").isEqualTo(1)
                .jsonPath("$.used").isEqualTo(1)
                .jsonPath("$.requested").isEqualTo(1);

        assertThat(vmCount(tenant)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM operations WHERE tenant_id = :t", Map.of("t", tenant))).isEqualTo(1);
    }

    @Test
    void theQuotaOwnerSeesThisServicesCountAndTheTotalsAfterACreate() {
        String tenant = newTenant();
        quotas.limit(tenant, new Resources(10, 3, 100_000));
        createVm(as(tenant), "a");
        createVm(as(tenant), "b");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(quotas.reported(tenant)).contains(new Resources(2, 2, 256)));

        as(tenant).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "big", "cpuCores", 2, "memoryMb", 128, "diskSizeGb", 1, "osType", "LINUX"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.quota").isEqualTo("vcpus")
                .jsonPath("$.limit").isEqualTo(3)
                .jsonPath("$.used").isEqualTo(2)
                .jsonPath("$.requested").isEqualTo(2);
    }

    @Test
    void anUpdateThatGrowsPastTheQuotaIsRefusedAndChangesNothing() {
        String tenant = newTenant();
        quotas.limit(tenant, new Resources(10, 2, 100_000));
        givenNode();
        UUID id = id(createVm(as(tenant), "grow"));
        report(as(tenant), id, VmStatus.STOPPED);

        as(tenant).patch().uri("/api/v1/vms/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("cpuCores", 3))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.quota").isEqualTo("vcpus")
                .jsonPath("$.used").isEqualTo(1)
                .jsonPath("$.requested").isEqualTo(2);
        assertThat(getVm(as(tenant), id)).containsEntry("cpuCores", 1);

        as(tenant).patch().uri("/api/v1/vms/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("cpuCores", 2))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void aDeleteTheNodeCompletesIsReportedAtOnceAndSoIsOneTheNodeReportsInAFullReport() {
        String tenant = newTenant();
        WebTestClient client = as(tenant);
        givenNode();
        UUID first = id(createVm(client, "gone-by-event"));
        UUID second = id(createVm(client, "gone-by-report"));
        report(client, first, VmStatus.RUNNING);
        report(client, second, VmStatus.RUNNING);

        client.delete().uri("/api/v1/vms/{id}", first).exchange().expectStatus().isAccepted();
        // accepted, not done: the VM still runs on its node and still counts
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(quotas.reported(tenant)).contains(new Resources(2, 2, 256)));
        report(client, first, VmStatus.DELETED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(quotas.reported(tenant)).contains(new Resources(1, 1, 128)));

        client.delete().uri("/api/v1/vms/{id}", second).exchange().expectStatus().isAccepted();
        Map<String, Object> deleting = getVm(client, second);
        String node = (String) deleting.get("nodeName");
        Instant now = Instant.now();
        observedState.take(new NodeObservedState(node, List.of(new NodeObservedState.ObservedVm(second, tenant,
                VmStatus.DELETED, null, generation(deleting), now)), List.of(), now, now)).block();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(quotas.reported(tenant)).contains(new Resources(0, 0, 0)));
    }

    @Test
    void anUnreachableQuotaOwnerIsA503AndNothingIsWritten() {
        String tenant = newTenant();
        quotas.unreachableFor(tenant);
        WebTestClient client = as(tenant);

        client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody("down"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("service-unavailable")
                .jsonPath("$.service").isEqualTo("auth-service");
        assertThat(vmCount(tenant)).isZero();
    }

    private long vmCount(String tenant) {
        return count("SELECT count(*) FROM vms WHERE tenant_id = :t", Map.of("t", tenant));
    }
}
