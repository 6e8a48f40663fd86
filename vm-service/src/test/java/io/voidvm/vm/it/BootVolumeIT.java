package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * VMs created from an image, against a stand-in storage-service: the boot volume is made first (as the platform),
 * the VM is placed on the volume's node and boots from it, storage-service's refusals become the client's
 * problems with nothing written, and the volume is deleted once the node confirms the VM is gone, retried while
 * storage-service fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootVolumeIT extends VmServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaFixture kafka = new KafkaFixture();
    private final StorageStandIn storage = StorageStandIn.get();


    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aVmFromAnImageBootsFromItsVolumeOnTheVolumesNode() {
        String tenant = newTenant();
        givenNode();
        String node = givenAnotherNode();
        storage.poolOn(tenant, node);
        UUID image = UUID.randomUUID();

        Map<String, Object> created = json(as(tenant).post().uri("/api/v1/vms")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(fromImage("web", image, 3))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        UUID vm = id(created);

        assertThat(storage.madeFor(tenant)).singleElement().satisfies(made -> {
            assertThat(made.vmId()).isEqualTo(vm);
            assertThat(made.imageId()).isEqualTo(image);
            assertThat(made.sizeGb()).isEqualTo(3);
            assertThat(made.name()).startsWith("web-boot-");
            assertThat(created).containsEntry("bootVolumeId", made.id().toString()).containsEntry("nodeName", node)
                    .containsEntry("imageId", image.toString());
        });
        assertThat(storage.sawOnlyPlatformTokens()).isTrue();
        UUID volume = storage.madeFor(tenant).getFirst().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.messages(Topics.nodeCommands(node)))
                .anySatisfy(message -> {
                    assertThat(message.vmId()).isEqualTo(vm);
                    assertThat(message.payload()).isInstanceOfSatisfying(DefineVm.class, define ->
                            assertThat(define.spec().disks()).containsExactly(new DiskSpec("root",
                                    new DiskSource.Volume(volume, "default"), DiskFormat.QCOW2, DiskBus.VIRTIO, 1,
                                    false)));
                }));
    }

    @Test
    void aVmWhoseVolumeNodeIsSilentWaitsForThatNode() {
        String tenant = newTenant();
        givenNode();
        String node = newNodeName();
        storage.poolOn(tenant, node);
        WebTestClient client = as(tenant);

        UUID vm = id(json(client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fromImage("later", UUID.randomUUID(), 1))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()));
        assertThat(getVm(client, vm)).containsEntry("status", "PENDING").containsEntry("nodeName", null)
                .extractingByKey("statusReason").asString().contains("node " + node, "boot volume");

        heard(heartbeat(node, 8, 8192, Instant.now()));
        await().atMost(WAIT).until(() -> node.equals(getVm(client, vm).get("nodeName")));
    }

    @Test
    void storageServiceRefusalsAreTheClientsProblemsAndNothingIsWritten() {
        String tenant = newTenant();
        refused(tenant, 400, "{\"code\":\"invalid-request\",\"errors\":[{\"field\":\"sizeGb\",\"message\":"
                + "\"must be at least the image's 4 GiB\"}]}", 400)
                .jsonPath("$.errors[0].field").isEqualTo("diskSizeGb")
                .jsonPath("$.errors[0].message").isEqualTo("must be at least the image's 4 GiB");
        refused(tenant, 400, "{\"errors\":[{\"field\":\"imageId\",\"message\":\"image x does not exist\"}]}", 400)
                .jsonPath("$.errors[0].field").isEqualTo("imageId");
        refused(tenant, 404, "{\"code\":\"not-found\"}", 400)
                .jsonPath("$.errors[0].field").isEqualTo("imageId");
        refused(tenant, 409, "{\"code\":\"quota-exceeded\",\"quota\":\"diskGb\",\"limit\":10,\"used\":9,"
                + "\"requested\":3}", 409)
                .jsonPath("$.code").isEqualTo("quota-exceeded")
                .jsonPath("$.quota").isEqualTo("diskGb");
        refused(tenant, 409, "{\"code\":\"conflict\",\"detail\":\"image x is UPLOADING, not READY\"}", 409)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("not READY"));

        storage.refuse(tenant, 500, "{}");
        as(tenant).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fromImage("down", UUID.randomUUID(), 1))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.code").isEqualTo("service-unavailable")
                .jsonPath("$.service").isEqualTo("storage-service");

        assertThat(count("SELECT (SELECT count(*) FROM vms WHERE tenant_id = :t)"
                + " + (SELECT count(*) FROM operations WHERE tenant_id = :t)", Map.of("t", tenant))).isZero();
    }

    @Test
    void deletingTheVmDeletesItsBootVolumeOnceTheNodeConfirmsRetryingWhileStorageFails() {
        String tenant = newTenant();
        String node = givenNode();
        storage.poolOn(tenant, node);
        WebTestClient client = as(tenant);
        UUID vm = id(json(client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fromImage("doomed", UUID.randomUUID(), 2))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()));
        UUID volume = storage.madeFor(tenant).getFirst().id();
        report(client, vm, VmStatus.STOPPED);

        client.delete().uri("/api/v1/vms/{id}", vm).exchange().expectStatus().isAccepted();
        assertThat(storage.deleted()).as("not before the node confirms").doesNotContain(volume);
        storage.deletesFail(volume, true);
        report(client, vm, VmStatus.DELETED);
        client.get().uri("/api/v1/vms/{id}", vm).exchange().expectStatus().isNotFound();

        await().atMost(WAIT).until(() -> count("SELECT coalesce(max(attempts), 0) FROM boot_volume_deletions"
                + " WHERE volume_id = :v", Map.of("v", volume)) >= 1);
        assertThat(storage.deleted()).doesNotContain(volume);
        storage.deletesFail(volume, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(storage.deleted()).contains(volume));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM boot_volume_deletions WHERE volume_id = :v",
                Map.of("v", volume)) == 0);
    }

    @Test
    void aVmDeletedBeforeItWasPlacedHasItsVolumeDeletedToo() {
        String tenant = newTenant();
        storage.poolOn(tenant, newNodeName());
        WebTestClient client = as(tenant);
        UUID vm = id(json(client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fromImage("never-placed", UUID.randomUUID(), 1))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()));
        UUID volume = storage.madeFor(tenant).getFirst().id();

        client.delete().uri("/api/v1/vms/{id}", vm).exchange().expectStatus().isAccepted();

        client.get().uri("/api/v1/vms/{id}", vm).exchange().expectStatus().isNotFound();
        await().atMost(WAIT).untilAsserted(() -> assertThat(storage.deleted()).contains(volume));
    }

    private WebTestClient.BodyContentSpec refused(String tenant, int storageStatus, String problem, int expected) {
        storage.refuse(tenant, storageStatus, problem);
        return as(tenant).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fromImage("refused", UUID.randomUUID(), 1))
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
    }

    private static Map<String, Object> fromImage(String name, UUID image, int diskSizeGb) {
        Map<String, Object> body = new HashMap<>(vmBody(name));
        body.put("imageId", image);
        body.put("diskSizeGb", diskSizeGb);
        return body;
    }
}
