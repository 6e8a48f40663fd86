package io.voidvm.storage.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.servicekit.tenancy.domain.TenantScope;
import io.voidvm.storage.volume.db.VolumeRepository;
import io.voidvm.storage.volume.domain.Volume;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Lost commands: the "node" (this test, on the real broker) ignores commands, and the scheduled re-sender sends
 * them again under new message ids until the node answers or the last attempt goes unanswered. Short timings, so
 * a context of its own, closed afterwards (its re-sender would otherwise touch other classes' pending volumes).
 */
@TestPropertySource(properties = {
        "voidvm.storage.pending.resend-after=2s",
        "voidvm.storage.pending.max-attempts=3",
        "voidvm.storage.pending.check-interval=250ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AwaitedCommandsIT extends StorageServiceIT {

    private static final long GIB = 1L << 30;
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Test
    void aCreateTheNodeIgnoredIsSentAgainUnderANewIdAndItsAnswerMakesTheVolumeAvailable() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "data", "sizeGb", 2)));

        // the node "crashed" after taking the first copy on: only the second is answered
        List<MessageEnvelope<?>> sent = awaitCommands(node, volumeId.toString(), 2);
        MessageEnvelope<?> first = sent.get(0);
        MessageEnvelope<?> again = sent.get(1);
        assertThat(again.messageId()).isNotEqualTo(first.messageId());
        assertThat(again.payload()).isEqualTo(first.payload()).isEqualTo(new CreateVolume(
                new VolumeLocation("pools/" + node, volumeId, DiskFormat.QCOW2), 2 * GIB, new VolumeOrigin.Blank()));
        assertThat(again.nodeName()).isEqualTo(node);
        assertThat(again.tenantId()).isEqualTo(tenant);
        assertThat(getVolume(as(tenant), poolId, volumeId)).containsEntry("status", "PENDING");

        publishEvent(node, volumeId, VolumeOperation.CREATE, CommandOutcome.SUCCEEDED, 2 * GIB, null);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        assertThat(stored(volumeId).awaiting()).as("nothing left to send again").isNull();
    }

    @Test
    void aCreateTheNodeNeverAnswersEndsInErrorAfterTheLastAttempt() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "data", "sizeGb", 1)));

        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> "ERROR".equals(getVolume(as(tenant), poolId, volumeId).get("status")));

        assertThat((String) getVolume(as(tenant), poolId, volumeId).get("statusReason"))
                .contains("node " + node).contains("did not answer CREATE after 3 attempts");
        List<MessageEnvelope<?>> sent = awaitCommands(node, volumeId.toString(), 3);
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(MessageEnvelope::messageId).doesNotHaveDuplicates();
        assertThat(sent.stream().map(MessageEnvelope::payload).distinct()).hasSize(1);
        assertThat(stored(volumeId).awaiting()).isNull();
        assertThat(context.getBean(MeterRegistry.class).counter("voidvm.storage.volume.commands.awaited",
                "result", "gave_up", "operation", "create").count()).isPositive();
        // an ERROR volume can be deleted: that is a new command, awaited afresh
        as(tenant).delete().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .expectStatus().isAccepted();
        assertThat(stored(volumeId).awaiting().attempts()).isEqualTo(1);
    }

    @Test
    void aCreateFromAnImageIsSentAgainWithTheImagesHashAndFormat() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID imageId = UUID.randomUUID();
        String sha = "ab".repeat(32);
        PLATFORM.image(imageId, tenant, "PRIVATE", "READY", sha, "qcow2", GIB);
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "boot", "imageId", imageId)));

        List<MessageEnvelope<?>> sent = awaitCommands(node, volumeId.toString(), 2);
        assertThat(sent.get(1).payload()).isEqualTo(sent.get(0).payload()).isEqualTo(new CreateVolume(
                new VolumeLocation("pools/" + node, volumeId, DiskFormat.QCOW2), GIB,
                new VolumeOrigin.FromImage(imageId, sha, DiskFormat.QCOW2)));
        publishEvent(node, volumeId, VolumeOperation.CREATE, CommandOutcome.SUCCEEDED, GIB, null);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
    }

    @Test
    void aLostAttachIsSentAgainToTheVmAndALostDeleteToo() {
        String node = newNode();
        String tenant = newTenant();
        UUID poolId = id(givenPool(node, 100, "1.0"));
        UUID volumeId = id(createVolume(as(tenant), poolId, Map.of("name", "data", "sizeGb", 1)));
        publishEvent(node, volumeId, VolumeOperation.CREATE, CommandOutcome.SUCCEEDED, GIB, null);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");
        UUID vmId = UUID.randomUUID();
        PLATFORM.vm(vmId, tenant, node);

        as(tenant).post().uri("/api/v1/storage/{pool}/volumes/{id}/attach", poolId, volumeId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("vmId", vmId, "diskId", "data1"))
                .exchange().expectStatus().isAccepted();
        List<MessageEnvelope<?>> attaches = awaitCommands(node, vmId.toString(), 2);
        assertThat(attaches).extracting(MessageEnvelope::payload).allMatch(AttachVolume.class::isInstance);
        assertThat(attaches.get(1).payload()).isEqualTo(attaches.get(0).payload());
        assertThat(attaches.get(1).vmId()).isEqualTo(vmId);
        assertThat(attaches.get(1).messageId()).isNotEqualTo(attaches.get(0).messageId());
        publishEvent(node, volumeId, VolumeOperation.ATTACH, CommandOutcome.SUCCEEDED, null, vmId);
        awaitStatus(as(tenant), poolId, volumeId, "ATTACHED");

        as(tenant).post().uri("/api/v1/storage/{pool}/volumes/{id}/detach", poolId, volumeId).exchange()
                .expectStatus().isAccepted();
        publishEvent(node, volumeId, VolumeOperation.DETACH, CommandOutcome.SUCCEEDED, null, vmId);
        awaitStatus(as(tenant), poolId, volumeId, "AVAILABLE");

        as(tenant).delete().uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .expectStatus().isAccepted();
        List<MessageEnvelope<?>> deletes = Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> commands(node, volumeId.toString()).stream()
                        .filter(command -> command.payload() instanceof DeleteVolume).toList(),
                        found -> found.size() >= 2);
        assertThat(deletes.get(1).messageId()).isNotEqualTo(deletes.get(0).messageId());
        publishEvent(node, volumeId, VolumeOperation.DELETE, CommandOutcome.SUCCEEDED, null, null);
        Awaitility.await().atMost(WAIT).until(() -> as(tenant).get()
                .uri("/api/v1/storage/{pool}/volumes/{id}", poolId, volumeId).exchange()
                .returnResult(String.class).getStatus().value() == 404);
    }

    private Volume stored(UUID volumeId) {
        return context.getBean(VolumeRepository.class).findForUpdate(TenantScope.allTenants(), volumeId)
                .blockOptional(Duration.ofSeconds(10)).orElseThrow();
    }
}
