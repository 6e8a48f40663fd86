package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.SerialLog;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.systemtests.harness.VoidvmApi;
import io.voidvm.testsupport.qemu.RequiresQemu;
import io.voidvm.testsupport.qemu.TestGuests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A VM from an uploaded image, end to end through the gateway: image-service stores the qcow2, vm-service asks
 * storage-service for a boot volume, the real node agent fetches the image as the platform and makes the
 * volume in its pool, QEMU (TCG) boots the guest from it. A second, blank volume is then attached to the running
 * guest, grown online and detached again (the marker guest has no OS: SCSI hot-plug needs none), each step seen
 * in QEMU's {@code query-block}; deleting the volume and the VM leaves no file of theirs in the node's pools, only
 * the cached base. The VM runs on the node that holds the default pool, whichever node placement would prefer.
 */
@RequiresQemu
@OnSharedPlatform
class ImageBootSystemIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long GIB = 1024L * 1024 * 1024;

    private static SharedPlatform platform;
    private static PlatformNode node;

    @TempDir
    Path upload;

    @BeforeAll
    static void platform(SharedPlatform shared) {
        platform = shared;
        node = platform.storageNode();
    }

    @Test
    void aVmBootsFromAnUploadedImageTakesAVolumeWhileRunningAndLeavesOnlyTheCachedBase() throws IOException {
        VoidvmApi alice = platform.newTenant("image-boot").api();
        VmDriver driver = new VmDriver(alice);
        // a marker of its own: the node's test disk prints another line, so this one proves the volume booted
        String marker = "img-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] qcow2 = Files.readAllBytes(TestGuests.markerDiskQcow2(upload, marker));
        String sha256 = sha256(qcow2);

        UUID image = alice.call("POST", "/api/v1/images", "{\"name\":\"marker\",\"osType\":\"OTHER\"}")
                .expect(201).id();
        JsonNode uploaded = alice.call("PUT", "/api/v1/images/" + image + "/file", "application/octet-stream", qcow2)
                .expect(200).body();
        assertThat(uploaded.path("status").asString()).as("upload answer %s", uploaded).isEqualTo("READY");
        JsonNode ready = alice.call("GET", "/api/v1/images/" + image, null).expect(200).body();
        assertThat(ready.path("sha256").asString()).isEqualTo(sha256);
        assertThat(ready.path("format").asString()).isEqualTo("qcow2");

        VoidvmApi.Response created = alice.call("POST", "/api/v1/vms", "{\"name\":\"from-image\",\"cpuCores\":1,"
                + "\"memoryMb\":64,\"diskSizeGb\":1,\"osType\":\"OTHER\",\"imageId\":\"" + image + "\"}").expect(201);
        UUID vm = created.id();
        String bootVolume = created.body().path("bootVolumeId").asString();
        assertThat(bootVolume).isNotBlank();

        String pool = poolOf(alice, bootVolume);
        String volumePath = "/api/v1/storage/" + pool + "/volumes/" + bootVolume;
        assertThat(alice.call("GET", volumePath, null).expect(200).body().path("imageId").asString())
                .isEqualTo(image.toString());
        JsonNode stopped = driver.awaitStatus(vm, "STOPPED");
        assertThat(stopped.path("nodeName").asString()).as("the node of the volume's pool")
                .isEqualTo(node.name());
        driver.succeed(vm, "start");
        Path vmDir = node.vmDir(vm);
        String line = TestGuests.readyLine(marker);
        await("'" + line + "' in " + vmDir.resolve("serial.log")).atMost(WAIT)
                .until(() -> SerialLog.count(vmDir, line) >= 1);

        String data = hotPlugAGrowAndUnplugABlankVolume(alice, pool, vm);

        driver.succeed(vm, "stop?force=true");
        alice.call("DELETE", data, null).expect(202);
        await("volume " + data + " deleted").atMost(WAIT).until(() -> alice.call("GET", data, null).status() == 404);
        driver.deleteAndForget(vm);

        await("boot volume " + bootVolume + " deleted").atMost(WAIT)
                .until(() -> alice.call("GET", volumePath, null).status() == 404);
        // other tests' volumes may live in the same pool: nothing of this test's two volumes is left
        Path pools = node.stateDir().resolve("pools");
        String dataVolume = data.substring(data.lastIndexOf('/') + 1);
        await("nothing of volumes " + bootVolume + " and " + dataVolume + " left under " + pools).atMost(WAIT)
                .untilAsserted(() -> assertThat(files(pools)).extracting(path -> path.getFileName().toString())
                        .noneMatch(name -> name.contains(bootVolume) || name.contains(dataVolume)));
        assertThat(files(node.stateDir().resolve("images"))).as("the cached base stays")
                .extracting(path -> path.getFileName().toString()).contains(sha256);
    }

    /**
     * A blank 1 GiB volume attached to running VM {@code vm}, grown to 2 GiB and detached, all through the gateway,
     * each step checked in the VM's {@code query-block}. Returns the volume's path, detached and AVAILABLE.
     */
    private static String hotPlugAGrowAndUnplugABlankVolume(VoidvmApi tenant, String pool, UUID vm) {
        UUID volume = tenant.call("POST", "/api/v1/storage/" + pool + "/volumes", "{\"name\":\"data-"
                + vm.toString().substring(0, 8) + "\",\"sizeGb\":1}").expect(201).id();
        String path = "/api/v1/storage/" + pool + "/volumes/" + volume;
        awaitVolume(tenant, path, "AVAILABLE");
        String pools = node.stateDir().resolve("pools").toString();

        tenant.call("POST", path + "/attach", "{\"vmId\":\"" + vm + "\"}").expect(202);
        JsonNode attached = awaitVolume(tenant, path, "ATTACHED");
        String diskId = attached.path("diskId").asString();
        assertThat(diskId).as("the default disk id").startsWith("vol-");
        assertThat(attached.path("attachedVmId").asString()).isEqualTo(vm.toString());
        JsonNode plugged = await("volume " + volume + " in query-block").atMost(WAIT)
                .until(() -> disk(vm, volume), Optional::isPresent).orElseThrow();
        assertThat(plugged.path("device").asString()).as("%s", plugged).isEqualTo(diskId);
        assertThat(plugged.path("file").asString()).startsWith(pools);
        assertThat(plugged.path("virtualSizeBytes").asLong()).isEqualTo(GIB);
        assertThat(new VmDriver(tenant).awaitStatus(vm, "RUNNING").path("status").asString()).isEqualTo("RUNNING");

        tenant.call("PATCH", path, "{\"sizeGb\":2}").expect(202);
        await("volume " + volume + " grown to 2 GiB in query-block").atMost(WAIT).until(() ->
                disk(vm, volume).map(disk -> disk.path("virtualSizeBytes").asLong()).orElse(0L) == 2 * GIB);
        await("volume " + volume + " reports 2 GiB").atMost(WAIT).until(() ->
                tenant.call("GET", path, null).expect(200).body().path("virtualSizeBytes").asLong() == 2 * GIB);

        tenant.call("POST", path + "/detach", null).expect(202);
        JsonNode detached = awaitVolume(tenant, path, "AVAILABLE");
        assertThat(detached.path("attachedVmId").isNull() || detached.path("attachedVmId").isMissingNode())
                .as("%s", detached).isTrue();
        assertThat(disk(vm, volume)).as("volume %s unplugged from the running guest", volume).isEmpty();
        assertThat(node.queryBlock(vm)).as("the boot disk stays").isNotEmpty();
        return path;
    }

    /** The VM's plugged disk whose file is volume {@code volume}'s, as query-block shows it. */
    private static Optional<JsonNode> disk(UUID vm, UUID volume) {
        for (JsonNode disk : node.queryBlock(vm)) {
            if (disk.path("file").asString().endsWith("/" + volume + ".qcow2")) {
                return Optional.of(disk);
            }
        }
        return Optional.empty();
    }

    private static JsonNode awaitVolume(VoidvmApi tenant, String path, String status) {
        return await(path + " " + status).atMost(WAIT).until(() -> tenant.call("GET", path, null).expect(200).body(),
                body -> {
                    // a failed step shows as ERROR, or as the status before it with the node's reason
                    if ("ERROR".equals(body.path("status").asString()) || failedBack(body, status)) {
                        throw new AssertionError("waiting for " + status + ": " + body);
                    }
                    return status.equals(body.path("status").asString());
                });
    }

    private static boolean failedBack(JsonNode volume, String awaited) {
        String reason = volume.path("statusReason").asString("");
        String now = volume.path("status").asString();
        return !reason.isBlank() && ("ATTACHED".equals(awaited) && "AVAILABLE".equals(now)
                || "AVAILABLE".equals(awaited) && "ATTACHED".equals(now));
    }

    /** The pool (of those the tenant sees) that holds the volume. */
    private static String poolOf(VoidvmApi tenant, String volumeId) {
        JsonNode pools = tenant.call("GET", "/api/v1/storage", null).expect(200).body();
        for (JsonNode pool : pools.path("items")) {
            String poolId = pool.path("id").asString();
            if (tenant.call("GET", "/api/v1/storage/" + poolId + "/volumes/" + volumeId, null).status() == 200) {
                return poolId;
            }
        }
        throw new AssertionError("no pool holds volume " + volumeId + " (pools: " + pools + ")");
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
