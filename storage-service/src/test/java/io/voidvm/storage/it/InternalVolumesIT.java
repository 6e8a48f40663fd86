package io.voidvm.storage.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.volume.DeleteVolume;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** vm-service's boot volumes: made and removed on a tenant's behalf by a platform caller. */
class InternalVolumesIT extends StorageServiceIT {

    @Test
    void aPlatformCallerMakesAndDeletesAVolumeForATenant() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID vmId = UUID.randomUUID();

        Map<String, Object> volume = json(asAdmin().post().uri("/internal/v1/volumes")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenant, "poolId", poolId, "name", "boot-" + node, "sizeGb", 2,
                        "vmId", vmId))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(volume).containsEntry("tenantId", tenant).containsEntry("ownerVmId", vmId.toString())
                .containsEntry("status", "PENDING").containsEntry("poolId", poolId.toString())
                .containsEntry("nodeName", node).containsKey("poolPath");
        assertThat((String) volume.get("poolPath")).isNotBlank();
        // the tenant sees its boot volume
        assertThat(getVolume(as(tenant), poolId, id(volume))).containsEntry("name", "boot-" + node);

        asAdmin().delete().uri("/internal/v1/volumes/{id}", volume.get("id")).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("DELETING");
        assertThat(awaitCommands(node, (String) volume.get("id"), 2).get(1).payload())
                .isInstanceOf(DeleteVolume.class);
    }

    @Test
    void aRetryForTheSameVmAnswersTheSameVolume() {
        String tenant = newTenant();
        UUID poolId = id(givenPool(newNode(), 100, "1.0"));
        UUID vmId = UUID.randomUUID();
        Map<String, Object> body = Map.of("tenantId", tenant, "poolId", poolId, "name", "boot", "sizeGb", 2,
                "vmId", vmId);
        Object first = create(body).get("id");
        assertThat(create(body).get("id")).isEqualTo(first);
        asAdmin().get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(2);
        // the same name for another VM is a real clash
        asAdmin().post().uri("/internal/v1/volumes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenant, "poolId", poolId, "name", "boot", "sizeGb", 2,
                        "vmId", UUID.randomUUID()))
                .exchange()
                .expectStatus().isEqualTo(409);
    }

    private Map<String, Object> create(Map<String, Object> body) {
        return json(asAdmin().post().uri("/internal/v1/volumes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    @Test
    void withoutAPoolTheDefaultPoolIsUsed() {
        String tenant = newTenant();
        Map<String, Object> volume = json(asAdmin().post().uri("/internal/v1/volumes")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenant, "name", "boot", "sizeGb", 1))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        asAdmin().get().uri("/api/v1/storage/{id}", volume.get("poolId")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("default").jsonPath("$.nodeName").isEqualTo("local");
    }

    @Test
    void tenantsCannotUseTheInternalEndpoints() {
        String tenant = newTenant();
        as(tenant).post().uri("/internal/v1/volumes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenant, "name", "boot", "sizeGb", 1))
                .exchange()
                .expectStatus().isForbidden();
        as(tenant).delete().uri("/internal/v1/volumes/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void badInternalRequestsNameTheField() {
        asAdmin().post().uri("/internal/v1/volumes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "boot", "sizeGb", 1))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tenantId");
        asAdmin().delete().uri("/internal/v1/volumes/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
    }
}
