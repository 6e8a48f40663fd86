package io.voidvm.storage.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOperation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Hot-plug: the VM command goes to the pool's node keyed by the VM; the agent's ATTACH/DETACH settle the volume. */
class AttachmentIT extends StorageServiceIT {

    private static final long GIB = 1L << 30;

    @Test
    void attachResizeOnlineDetachAndDelete() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = availableVolume(node, tenant, poolId);
        UUID vmId = UUID.randomUUID();
        PLATFORM.vm(vmId, tenant, node);

        attach(as(tenant), poolId, volumeId, Map.of("vmId", vmId, "diskId", "data1"))
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("ATTACHING")
                .jsonPath("$.attachedVmId").isEqualTo(vmId.toString()).jsonPath("$.diskId").isEqualTo("data1");
        List<MessageEnvelope<?>> vmCommands = awaitCommands(node, vmId.toString(), 1);
        assertThat(vmCommands.getFirst().vmId()).isEqualTo(vmId);
        assertThat(vmCommands.getFirst().tenantId()).isEqualTo(tenant);
        assertThat(vmCommands.getFirst().payload()).isEqualTo(new AttachVolume(new DiskSpec("data1",
                new DiskSource.Volume(volumeId, "pools/" + node), DiskFormat.QCOW2, DiskBus.VIRTIO, null, false)));

        // held by the VM: no delete, and the refusal names the VM
        as(tenant).delete().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(vmId.toString()));

        publishEvent(node, volumeId, VolumeOperation.ATTACH, CommandOutcome.SUCCEEDED, null, vmId);
        awaitStatus(as(tenant), poolId, volumeId, "ATTACHED");
        as(tenant).delete().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(vmId.toString()));

        VolumeLifecycleIT.resize(as(tenant), poolId, volumeId, 3).expectStatus().isAccepted();
        List<MessageEnvelope<?>> volumeCommands = awaitCommands(node, volumeId.toString(), 2);
        assertThat(volumeCommands.get(1).payload()).isEqualTo(new ResizeVolume(
                new VolumeLocation("pools/" + node, volumeId, DiskFormat.QCOW2), 3 * GIB, vmId, "data1"));

        as(tenant).post().uri("/api/v1/storage/{pool}/volumes/{id}/detach", poolId, volumeId).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("DETACHING");
        vmCommands = awaitCommands(node, vmId.toString(), 2);
        assertThat(vmCommands.get(1).payload()).isEqualTo(new DetachVolume("data1", volumeId));

        publishEvent(node, volumeId, VolumeOperation.DETACH, CommandOutcome.SUCCEEDED, null, vmId);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        assertThat(getVolume(as(tenant), poolId, volumeId)).containsEntry("attachedVmId", null)
                .containsEntry("diskId", null);
        as(tenant).delete().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void aFailedAttachLeavesTheVolumeAvailableWithTheReason() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = availableVolume(node, tenant, poolId);
        UUID vmId = UUID.randomUUID();
        PLATFORM.vm(vmId, tenant, node);

        attach(as(tenant), poolId, volumeId, Map.of("vmId", vmId)).expectStatus().isAccepted()
                .expectBody().jsonPath("$.diskId").value(diskId -> assertThat((String) diskId).startsWith("vol-"));
        publishEvent(node, volumeId, VolumeOperation.ATTACH, CommandOutcome.FAILED, null, vmId);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        assertThat((String) getVolume(as(tenant), poolId, volumeId).get("statusReason")).startsWith("attach failed");
    }

    @Test
    void anotherTenantsVmIsNotFoundAndAVmOnAnotherNodeIsAConflict() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = availableVolume(node, tenant, poolId);
        UUID foreignVm = UUID.randomUUID();
        PLATFORM.vm(foreignVm, newTenant(), node);
        UUID elsewhere = UUID.randomUUID();
        PLATFORM.vm(elsewhere, tenant, newNode());

        attach(as(tenant), poolId, volumeId, Map.of("vmId", foreignVm)).expectStatus().isNotFound();
        attach(as(tenant), poolId, volumeId, Map.of("vmId", UUID.randomUUID())).expectStatus().isNotFound();
        attach(as(tenant), poolId, volumeId, Map.of("vmId", elsewhere)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(node));
        attach(as(tenant), poolId, volumeId, Map.of("diskId", "d")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("vmId");
        attach(as(tenant), poolId, volumeId, Map.of("vmId", elsewhere, "diskId", "Bad_Disk"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("diskId");
        as(tenant).post().uri("/api/v1/storage/{pool}/volumes/{id}/detach", poolId, volumeId).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(getVolume(as(tenant), poolId, volumeId)).containsEntry("status", "AVAILABLE");
    }

    private UUID availableVolume(String node, String tenant, UUID poolId) {
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "data", "sizeGb", 1)));
        publishEvent(node, volumeId, VolumeOperation.CREATE, CommandOutcome.SUCCEEDED, GIB, null);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        return volumeId;
    }

    private static WebTestClient.ResponseSpec attach(WebTestClient client, UUID poolId, UUID volumeId,
                                                     Map<String, Object> body) {
        return client.post().uri("/api/v1/storage/{pool}/volumes/{id}/attach", poolId, volumeId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
