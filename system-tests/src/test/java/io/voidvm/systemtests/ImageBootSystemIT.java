package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.systemtests.harness.PlatformStack;
import io.voidvm.systemtests.harness.SerialLog;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.systemtests.harness.VoidvmApi;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.keycloak.WithKeycloak;
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
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A VM from an uploaded image, end to end through the gateway: image-service stores the qcow2, vm-service asks
 * storage-service for a boot volume, the real node agent fetches the image as the platform and makes the
 * volume in its pool, QEMU (TCG) boots the guest from it; deleting the VM deletes the volume and leaves only the
 * cached base behind.
 */
@RequiresQemu
@WithPostgres
@WithKafka
@WithKeycloak
class ImageBootSystemIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static PlatformStack stack;

    @BeforeAll
    static void startStack() {
        stack = PlatformStack.startWithNode("image-boot");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aVmBootsFromAnUploadedImageAndItsVolumeGoesWithIt() throws IOException {
        VoidvmApi alice = stack.api(VoidvmRealm.ALICE);
        VmDriver driver = new VmDriver(alice);
        // a marker of its own: the node's test disk prints another line, so this one proves the volume booted
        String marker = "img-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] qcow2 = Files.readAllBytes(TestGuests.markerDiskQcow2(stack.workDir().resolve("upload"), marker));
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

        String volumePath = "/api/v1/storage/" + poolOf(alice, bootVolume) + "/volumes/" + bootVolume;
        assertThat(alice.call("GET", volumePath, null).expect(200).body().path("imageId").asString())
                .isEqualTo(image.toString());
        JsonNode stopped = driver.awaitStatus(vm, "STOPPED");
        assertThat(stopped.path("nodeName").asString()).as("the node of the volume's pool")
                .isEqualTo(stack.nodeName());
        driver.succeed(vm, "start");
        Path vmDir = stack.stateDir().resolve("vms").resolve(vm.toString());
        String line = TestGuests.readyLine(marker);
        await("'" + line + "' in " + vmDir.resolve("serial.log")).atMost(WAIT)
                .until(() -> SerialLog.count(vmDir, line) >= 1);

        driver.succeed(vm, "stop?force=true");
        driver.deleteAndForget(vm);

        await("boot volume " + bootVolume + " deleted").atMost(WAIT)
                .until(() -> alice.call("GET", volumePath, null).status() == 404);
        Path pools = stack.stateDir().resolve("pools");
        await("nothing left under " + pools).atMost(WAIT).untilAsserted(() ->
                assertThat(files(pools)).isEmpty());
        assertThat(files(stack.stateDir().resolve("images"))).as("the cached base stays")
                .extracting(path -> path.getFileName().toString()).contains(sha256);
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
