package io.voidvm.storage.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.VolumeOrigin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Capacity, quota, tenancy, images and bad input: every refusal is a problem that says why. */
class VolumeRulesIT extends StorageServiceIT {

    private static final long GIB = 1L << 30;
    private static final String SHA = "ab".repeat(32);

    @Test
    void thePoolMayBeOvercommittedUpToItsRatioAndNoFurther() {
        String tenant = newTenant();
        UUID poolId = id(givenPool(newNode(), 10, "1.5"));
        createVolume(as(tenant), poolId, Map.of("name", "a", "sizeGb", 10));
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "b", "sizeGb", 6))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("conflict")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("15 GB"));
        createVolume(as(newTenant()), poolId, Map.of("name", "b", "sizeGb", 5));
        as(tenant).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(15).jsonPath("$.freeGb").isEqualTo(0);
    }

    @Test
    void concurrentRequestsNeverTakeMoreThanThePoolHas() {
        UUID poolId = id(givenPool(newNode(), 10, "1.0"));
        List<java.util.concurrent.CompletableFuture<Integer>> requests = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> as(newTenant()).post()
                        .uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "c" + i, "sizeGb", 3))
                        .exchange().returnResult(String.class).getStatus().value()))
                .toList();
        List<Integer> statuses = requests.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        as(newTenant()).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(9);
    }

    @Test
    void growingPastThePoolIsAConflictToo() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 10, "1.0"));
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "a", "sizeGb", 4)));
        publishEvent(node, volumeId, io.voidvm.contracts.volume.VolumeOperation.CREATE,
                io.voidvm.contracts.vm.event.CommandOutcome.SUCCEEDED, 4 * GIB, null);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        VolumeLifecycleIT.resize(as(tenant), poolId, volumeId, 11).expectStatus().isEqualTo(409);
        VolumeLifecycleIT.resize(as(tenant), poolId, volumeId, 10).expectStatus().isAccepted();
    }

    @Test
    void theTenantsDiskQuotaIsAskedFirst() {
        String tenant = newTenant();
        PLATFORM.diskQuota(tenant, 5);
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        createVolume(as(tenant), poolId, Map.of("name", "a", "sizeGb", 3));
        assertThat(PLATFORM.reportedDiskUsage(tenant)).isEqualTo(3);
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "b", "sizeGb", 3))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("quota-exceeded").jsonPath("$.quota").isEqualTo("diskGb")
                .jsonPath("$.limit").isEqualTo(5).jsonPath("$.used").isEqualTo(3);
        assertThat(PLATFORM.tokenRequests).anyMatch(form -> form.contains("grant_type=client_credentials"));
    }

    @Test
    void anotherTenantsVolumeIsNotFound() {
        String owner = newTenant();
        String stranger = newTenant();
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        UUID volumeId = id(createVolume(as(owner), poolId, Map.of("name", "mine", "sizeGb", 1)));

        as(stranger).get().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .expectStatus().isNotFound();
        VolumeLifecycleIT.resize(as(stranger), poolId, volumeId, 2).expectStatus().isNotFound();
        as(stranger).delete().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .expectStatus().isNotFound();
        as(stranger).post().uri("/api/v1/storage/{pool}/volumes/{id}/detach", poolId, volumeId).exchange()
                .expectStatus().isNotFound();
        UUID strangersVm = UUID.randomUUID();
        PLATFORM.vm(strangersVm, stranger, "local");
        as(stranger).post().uri("/api/v1/storage/{pool}/volumes/{id}/attach", poolId, volumeId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("vmId", strangersVm)).exchange()
                .expectStatus().isNotFound();
        as(stranger).get().uri("/api/v1/storage/{pool}/volumes", poolId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        as(owner).get().uri("/api/v1/storage/{pool}/volumes", poolId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(volumeId.toString());
        // the same name in another tenant does not clash
        createVolume(as(stranger), poolId, Map.of("name", "mine", "sizeGb", 1));
        // under another pool's path the volume does not exist either
        as(owner).get().uri("/api/v1/storage/{pool}/volumes/{id}", id(givenPool(newNode(), 1, "1.0")), volumeId)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aVolumeFromAnImageCopiesItsAddressAndIsAtLeastItsSize() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID imageId = UUID.randomUUID();
        PLATFORM.image(imageId, tenant, "PRIVATE", "READY", SHA, "qcow2", 3 * GIB - 512);

        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "small", "imageId", imageId, "sizeGb", 2))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sizeGb");

        Map<String, Object> volume = createVolume(as(tenant), poolId, Map.of("name", "boot", "imageId", imageId));
        assertThat(volume).containsEntry("sizeGb", 3).containsEntry("imageId", imageId.toString());
        List<MessageEnvelope<?>> sent = awaitCommands(node, (String) volume.get("id"), 1);
        assertThat(((CreateVolume) sent.getFirst().payload()).origin())
                .isEqualTo(new VolumeOrigin.FromImage(imageId, SHA, DiskFormat.QCOW2));

        asAdmin().get().uri("/internal/v1/images/{id}/dependents", imageId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.volumes[0].id").isEqualTo(volume.get("id"))
                .jsonPath("$.volumes[0].name").isEqualTo("boot")
                .jsonPath("$.volumes.length()").isEqualTo(1);
        as(tenant).get().uri("/internal/v1/images/{id}/dependents", imageId).exchange().expectStatus().isForbidden();
        asAdmin().get().uri("/internal/v1/images/{id}/dependents", UUID.randomUUID()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.volumes.length()").isEqualTo(0);
    }

    @Test
    void onlyVisibleReadyImagesSeedVolumes() {
        String tenant = newTenant();
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        UUID foreign = UUID.randomUUID();
        UUID shared = UUID.randomUUID();
        UUID uploading = UUID.randomUUID();
        UUID iso = UUID.randomUUID();
        PLATFORM.image(foreign, newTenant(), "PRIVATE", "READY", SHA, "qcow2", GIB);
        PLATFORM.image(shared, newTenant(), "PUBLIC", "READY", SHA, "raw", GIB);
        PLATFORM.image(uploading, tenant, "PRIVATE", "UPLOADING", SHA, "qcow2", GIB);
        PLATFORM.image(iso, tenant, "PRIVATE", "READY", SHA, "iso", GIB);

        for (UUID refused : List.of(foreign, UUID.randomUUID(), iso)) {
            as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "x", "imageId", refused))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("imageId");
        }
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "imageId", uploading))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("UPLOADING");
        assertThat(createVolume(as(tenant), poolId, Map.of("name", "x", "imageId", shared)))
                .containsEntry("sizeGb", 1);
    }

    @Test
    void anImageServiceThatFailsIsA503AndNothingIsAllocated() {
        String tenant = newTenant();
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        UUID imageId = UUID.randomUUID();
        PLATFORM.brokenImage(imageId);
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "imageId", imageId))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as(tenant).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(0);
    }

    @Test
    void theApiIsDocumented() {
        anonymous().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/storage']").exists()
                .jsonPath("$.paths['/api/v1/storage/{poolId}/volumes/{id}/attach']").exists()
                .jsonPath("$.paths['/internal/v1/images/{imageId}/dependents']").exists();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("name", Map.of("name", "Not A Name", "sizeGb", 1));
        cases.put("sizeGb", Map.of("name", "blank"));
        cases.put("description", Map.of("name", "d", "sizeGb", 1, "description", "x".repeat(2000)));
        cases.forEach((field, body) -> as(newTenant()).post().uri("/api/v1/storage/{pool}/volumes", poolId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field));
        for (long size : new long[] {0, -1, 1001}) {
            as(newTenant()).post().uri("/api/v1/storage/{pool}/volumes", poolId)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "s", "sizeGb", size))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("sizeGb");
        }
        as(newTenant()).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "u", "sizeGb", 1, "sizeGB", 2))
                .exchange()
                .expectStatus().isBadRequest();
        as(newTenant()).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "u", "sizeGb", "ten"))
                .exchange()
                .expectStatus().isBadRequest();
        as(newTenant()).get().uri("/api/v1/storage/{pool}/volumes?cursor=garbage", poolId).exchange()
                .expectStatus().isBadRequest();
        as(newTenant()).get().uri("/api/v1/storage/not-a-uuid/volumes").exchange()
                .expectStatus().isBadRequest();
        as(newTenant()).post().uri("/api/v1/storage/{pool}/volumes", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "p", "sizeGb", 1))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anIdempotencyKeyMakesARetryAnswerTheSameVolume() {
        String tenant = newTenant();
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "once", "sizeGb", 2);

        String first = as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(first);
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "other", "sizeGb", 2))
                .exchange()
                .expectStatus().isEqualTo(422);
        // another tenant's key space is its own
        createVolume(as(newTenant()), poolId, Map.of("name", "once", "sizeGb", 2));
        as(tenant).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(4);
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).header("Idempotency-Key", "bad key")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneVolume() {
        String tenant = newTenant();
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        String key = UUID.randomUUID().toString();
        List<java.util.concurrent.CompletableFuture<String>> requests = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> as(tenant).post()
                        .uri("/api/v1/storage/{pool}/volumes", poolId).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "race", "sizeGb", 1))
                        .exchange()
                        .expectStatus().isCreated()
                        .expectBody(Map.class).returnResult().getResponseBody().get("id").toString()))
                .toList();
        assertThat(requests.stream().map(java.util.concurrent.CompletableFuture::join).distinct()).hasSize(1);
        as(tenant).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(1);
    }

    @Test
    void aNameIsTakenOncePerTenantAndPool() {
        String tenant = newTenant();
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        createVolume(as(tenant), poolId, Map.of("name", "same", "sizeGb", 1));
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes", poolId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "same", "sizeGb", 1))
                .exchange()
                .expectStatus().isEqualTo(409);
        as(tenant).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(1);
    }
}
