package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.event.VmStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A VM without an image and without a disk (for ISO or network boot): created with only a name, CPUs and memory,
 * {@code osType} OTHER, defined on its node with no disk at all and started; and {@code networkIds}, refused until
 * network-service has networks.
 */
class DisklessVmIT extends VmServiceIT {

    @Test
    void aVmWithoutImageOrDiskIsDefinedWithNoDiskAndRuns() {
        String node = givenNode();
        WebTestClient client = as(newTenant());
        Map<String, Object> created = json(client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "pxe", "cpuCores", 1, "memoryMb", 128))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        UUID vm = id(created);
        assertThat(created).containsEntry("diskSizeGb", null).containsEntry("imageId", null)
                .containsEntry("bootVolumeId", null).containsEntry("osType", "OTHER");

        client.post().uri("/api/v1/vms/{id}/start", vm).exchange().expectStatus().isAccepted();
        // what the node is told to run: the spec its DefineVm carries, and RUNNING
        Map<String, Object> state = json(asAdmin().get().uri("/internal/v1/nodes/{node}/desired-state", node)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat((List<?>) state.get("vms")).singleElement().satisfies(entry -> {
            Map<?, ?> desired = (Map<?, ?>) entry;
            assertThat(desired.get("vmId")).isEqualTo(vm.toString());
            assertThat(desired.get("desiredPower")).isEqualTo("RUNNING");
            Map<?, ?> spec = (Map<?, ?>) desired.get("spec");
            assertThat((List<?>) spec.get("disks")).as("no disk at all").isEmpty();
            assertThat(spec.get("osType")).isEqualTo("OTHER");
        });
        report(client, vm, VmStatus.RUNNING);
        assertThat(getVm(client, vm)).containsEntry("status", "RUNNING").containsEntry("diskSizeGb", null);
        assertThat(json(client.get().uri("/api/v1/vms?name=pxe").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()).get("items")).asList().hasSize(1);
    }

    @Test
    void withoutAnImageADiskSizeStillGivesADiskAndWithAnImageItIsRequired() {
        givenNode();
        WebTestClient client = as(newTenant());
        Map<String, Object> sized = json(client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "sized", "cpuCores", 1, "memoryMb", 128, "diskSizeGb", 2))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(sized).containsEntry("diskSizeGb", 2).containsEntry("osType", "OTHER");

        client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "from-image", "cpuCores", 1, "memoryMb", 128,
                        "imageId", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("diskSizeGb")
                .jsonPath("$.errors[0].message").isEqualTo("is required");
    }

    @Test
    void networkIdsAreRefusedUntilThereAreNetworksAndNothingIsCreated() {
        WebTestClient client = as(newTenant());
        Map<String, Object> body = new java.util.HashMap<>(vmBody("netted"));
        body.put("networkIds", List.of(UUID.randomUUID().toString()));
        client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("networkIds")
                .jsonPath("$.errors[0].message").value(String.class,
                        message -> assertThat(message).contains("networks are not available yet"));
        assertThat(json(client.get().uri("/api/v1/vms").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()).get("items")).asList().isEmpty();

        body.put("networkIds", List.of());
        client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated();
    }
}
