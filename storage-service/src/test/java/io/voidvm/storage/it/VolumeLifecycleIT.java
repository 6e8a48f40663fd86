package io.voidvm.storage.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.storage.volume.app.VolumeEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A volume's life through the outbox, the node's command topic and the VolumeEvents consumer. */
class VolumeLifecycleIT extends StorageServiceIT {

    private static final long GIB = 1L << 30;

    @Test
    void createSendsCreateVolumeToThePoolsNodeKeyedByVolumeIdAndTheEventMakesItAvailable() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        Map<String, Object> created = createVolume(as(tenant), poolId, Map.of("name", "data", "sizeGb", 4));
        UUID volumeId = id(created);
        assertThat(created).containsEntry("status", "PENDING").containsEntry("sizeGb", 4)
                .containsEntry("tenantId", tenant).containsEntry("poolId", poolId.toString());

        List<MessageEnvelope<?>> sent = awaitCommands(node, volumeId.toString(), 1);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().tenantId()).isEqualTo(tenant);
        assertThat(sent.getFirst().nodeName()).isEqualTo(node);
        assertThat(sent.getFirst().payload()).isEqualTo(new CreateVolume(
                new VolumeLocation("pools/" + node, volumeId, DiskFormat.QCOW2), 4 * GIB, new VolumeOrigin.Blank()));

        publishEvent(node, volumeId, VolumeOperation.CREATE, CommandOutcome.SUCCEEDED, 4 * GIB, null);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        assertThat(getVolume(as(tenant), poolId, volumeId)).containsEntry("virtualSizeBytes", 4 * GIB)
                .containsEntry("allocatedBytes", 196_608);
    }

    @Test
    void aDuplicateEventChangesNothing() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "data", "sizeGb", 1)));

        MessageEnvelope<VolumeEvent> created =
                publishEvent(node, volumeId, VolumeOperation.CREATE, CommandOutcome.SUCCEEDED, GIB, null);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        Object updatedAt = getVolume(as(tenant), poolId, volumeId).get("updatedAt");

        // the same message again (a redelivery): recorded as processed, so no effect
        assertThat(events.handle(created).block()).isEqualTo(VolumeEventHandler.Result.DUPLICATE);
        assertThat(getVolume(as(tenant), poolId, volumeId).get("updatedAt")).isEqualTo(updatedAt);
        // a second CREATE report with a new id is stale for an AVAILABLE volume
        MessageEnvelope<VolumeEvent> again = envelopes.of(created.payload()).nodeName(node).build();
        assertThat(events.handle(again).block()).isEqualTo(VolumeEventHandler.Result.IGNORED);
    }

    @Test
    void onlyThePoolsNodeSpeaksForItsVolumes() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "data", "sizeGb", 1)));
        VolumeEvent report = new VolumeEvent(volumeId, VolumeOperation.CREATE, CommandOutcome.SUCCEEDED, GIB, 1L,
                null, null, null, java.time.Instant.now());

        assertThat(events.handle(envelopes.of(report).nodeName(newNode()).build()).block())
                .isEqualTo(VolumeEventHandler.Result.IGNORED);
        assertThat(getVolume(as(tenant), poolId, volumeId)).containsEntry("status", "PENDING");
        assertThat(events.handle(envelopes.of(report).nodeName(node).build()).block())
                .isEqualTo(VolumeEventHandler.Result.APPLIED);
        assertThat(getVolume(as(tenant), poolId, volumeId)).containsEntry("status", "AVAILABLE");
    }

    @Test
    void aFailedCreateIsAnErrorWithTheNodesReason() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "data", "sizeGb", 1)));

        publishEvent(node, volumeId, VolumeOperation.CREATE, CommandOutcome.FAILED, null, null);
        awaitStatus(as(tenant), poolId, volumeId, "ERROR");
        assertThat((String) getVolume(as(tenant), poolId, volumeId).get("statusReason"))
                .contains("DISK_FULL").contains("no space left");
    }

    @Test
    void resizeOnlyGrowsAndSendsResizeVolume() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = availableVolume(node, tenant, poolId, 2);

        for (long size : new long[] {1, 2}) {
            resize(as(tenant), poolId, volumeId, size)
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("sizeGb");
        }
        resize(as(tenant), poolId, volumeId, 5)
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.sizeGb").isEqualTo(5).jsonPath("$.status").isEqualTo("AVAILABLE");

        List<MessageEnvelope<?>> sent = awaitCommands(node, volumeId.toString(), 2);
        assertThat(sent.get(1).payload()).isEqualTo(new ResizeVolume(
                new VolumeLocation("pools/" + node, volumeId, DiskFormat.QCOW2), 5 * GIB, null, null));

        publishEvent(node, volumeId, VolumeOperation.RESIZE, CommandOutcome.SUCCEEDED, 5 * GIB, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                ((Number) getVolume(as(tenant), poolId, volumeId).get("virtualSizeBytes")).longValue() == 5 * GIB);
    }

    @Test
    void aFailedResizeGivesThePoolItsGigabytesBack() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = availableVolume(node, tenant, poolId, 2);
        resize(as(tenant), poolId, volumeId, 50).expectStatus().isAccepted();

        publishEvent(node, volumeId, VolumeOperation.RESIZE, CommandOutcome.FAILED, null, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                ((Number) getVolume(as(tenant), poolId, volumeId).get("sizeGb")).longValue() == 2);
        assertThat((String) getVolume(as(tenant), poolId, volumeId).get("statusReason")).startsWith("resize failed");
        as(tenant).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(2);
    }

    @Test
    void deleteSendsDeleteVolumeAndTheVolumeIsGoneWhenTheNodeConfirms() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = availableVolume(node, tenant, poolId, 3);

        as(tenant).delete().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("DELETING");
        List<MessageEnvelope<?>> sent = awaitCommands(node, volumeId.toString(), 2);
        assertThat(sent.get(1).payload()).isEqualTo(
                new DeleteVolume(new VolumeLocation("pools/" + node, volumeId, DiskFormat.QCOW2)));
        // still counted against the pool until the file is gone
        as(tenant).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(3);

        publishEvent(node, volumeId, VolumeOperation.DELETE, CommandOutcome.SUCCEEDED, null, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(tenant).get()
                .uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .returnResult(String.class).getStatus().value() == 404);
        as(tenant).get().uri("/api/v1/storage/{id}", poolId).exchange()
                .expectBody().jsonPath("$.usedGb").isEqualTo(0);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        kafka().publishRaw(io.voidvm.contracts.topic.Topics.VOLUME_EVENTS, key, "{not json".getBytes());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                records(io.voidvm.contracts.topic.Topics.deadLetter(io.voidvm.contracts.topic.Topics.VOLUME_EVENTS))
                        .stream().anyMatch(record -> key.equals(record.key())));
    }

    private UUID availableVolume(String node, String tenant, UUID poolId, long sizeGb) {
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "v" + sizeGb, "sizeGb", sizeGb)));
        publishEvent(node, volumeId, VolumeOperation.CREATE, CommandOutcome.SUCCEEDED, sizeGb * GIB, null);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        return volumeId;
    }

    static WebTestClient.ResponseSpec resize(WebTestClient client, UUID poolId, UUID volumeId, long sizeGb) {
        return client.patch().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("sizeGb", sizeGb)).exchange();
    }
}
