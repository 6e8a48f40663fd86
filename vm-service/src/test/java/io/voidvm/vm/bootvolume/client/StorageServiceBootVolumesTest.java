package io.voidvm.vm.bootvolume.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.vm.bootvolume.app.BootVolumes;
import io.voidvm.vm.bootvolume.domain.BootVolumeRequest;
import io.voidvm.vm.bootvolume.domain.BootVolumeUnavailableException;
import io.voidvm.vm.config.StorageClientProperties;
import io.voidvm.vm.lifecycle.domain.BootVolume;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The HTTP adapter against a stand-in for Keycloak's token endpoint and storage-service's internal API: the
 * request carries the platform token and the VM's fields, and every answer storage-service can give becomes the
 * client's problem under vm-service's field names, or "unavailable".
 */
class StorageServiceBootVolumesTest {

    private static final UUID VOLUME = UUID.fromString("0190a000-0000-7000-8000-00000000b001");
    private static final BootVolumeRequest REQUEST = new BootVolumeRequest("acme",
            UUID.fromString("0190a000-0000-7000-8000-0000000000a1"), "web-boot-000000a1", 5,
            UUID.fromString("0190a000-0000-7000-8000-0000000000c1"));

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private volatile String body = "{\"id\":\"" + VOLUME + "\",\"poolId\":\"" + UUID.randomUUID()
            + "\",\"status\":\"PENDING\",\"poolPath\":\"default\",\"nodeName\":\"node-7\"}";

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> respond(exchange, 200,
                "{\"access_token\":\"tok\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        server.createContext("/internal/v1/volumes", exchange -> {
            String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + sent);
            respond(exchange, status, body);
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    @Test
    void createsTheVolumeAsThePlatformAndReadsWhereItLives() {
        StepVerifier.create(adapter(base()).create(REQUEST))
                .expectNext(new BootVolume(VOLUME, "default", "node-7"))
                .verifyComplete();
        assertThat(calls).singleElement().asString()
                .startsWith("POST /internal/v1/volumes Bearer tok ")
                .contains("\"tenantId\":\"acme\"", "\"name\":\"web-boot-000000a1\"", "\"sizeGb\":5",
                        "\"imageId\":\"" + REQUEST.imageId() + "\"", "\"vmId\":\"" + REQUEST.vmId() + "\"");
    }

    @Test
    void aTooSmallSizeNamesDiskSizeGb() {
        refuse(400, "{\"code\":\"invalid-request\",\"detail\":\"sizeGb: too small\",\"errors\":[{\"field\":"
                + "\"sizeGb\",\"message\":\"must be at least the image's 2 GiB\"}]}");
        StepVerifier.create(adapter(base()).create(REQUEST))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(InvalidRequestException.class,
                        invalid -> {
                            assertThat(invalid.field()).isEqualTo("diskSizeGb");
                            assertThat(invalid.reason()).isEqualTo("must be at least the image's 2 GiB");
                        }))
                .verify();
    }

    @Test
    void anUnknownImageNamesImageIdWhetherStorageSays400Or404() {
        refuse(400, "{\"errors\":[{\"field\":\"imageId\",\"message\":\"image x does not exist\"}]}");
        StepVerifier.create(adapter(base()).create(REQUEST))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(InvalidRequestException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("imageId")))
                .verify();
        refuse(404, "{\"code\":\"not-found\"}");
        StepVerifier.create(adapter(base()).create(REQUEST))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(InvalidRequestException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("imageId")))
                .verify();
    }

    @Test
    void aDiskQuotaIsAQuotaProblemAndAFullPoolAConflict() {
        refuse(409, "{\"code\":\"quota-exceeded\",\"quota\":\"diskGb\",\"limit\":10,\"used\":8,\"requested\":5}");
        StepVerifier.create(adapter(base()).create(REQUEST))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QuotaExceededException.class)
                        .hasMessageContaining("diskGb"))
                .verify();
        refuse(409, "{\"code\":\"conflict\",\"detail\":\"pool default cannot provision 5 GB more\"}");
        StepVerifier.create(adapter(base()).create(REQUEST))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ConflictException.class)
                        .hasMessageContaining("pool default cannot provision 5 GB more"))
                .verify();
    }

    @Test
    void serverErrorsOtherFieldsAndSilenceAreUnavailable() throws IOException {
        refuse(500, "{}");
        StepVerifier.create(adapter(base()).create(REQUEST))
                .expectError(BootVolumeUnavailableException.class).verify();
        refuse(400, "{\"errors\":[{\"field\":\"poolId\",\"message\":\"is required: no default pool\"}]}");
        StepVerifier.create(adapter(base()).create(REQUEST))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BootVolumeUnavailableException.class)
                        .hasMessageContaining("no default pool"))
                .verify();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BootVolumes nowhere = BootVolumeClientConfiguration.create(new StorageClientProperties(
                "http://127.0.0.1:" + closedPort, base() + "/token", "voidvm-platform", "s3cret",
                Duration.ofSeconds(2), Duration.ofSeconds(5)));
        StepVerifier.create(nowhere.create(REQUEST))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BootVolumeUnavailableException.class)
                        .hasMessageContaining("storage-service cannot be reached"))
                .verify();
    }

    @Test
    void aDeleteIsDoneWhenAcceptedOrWhenTheVolumeIsAlreadyGone() {
        refuse(202, "{\"status\":\"DELETING\"}");
        StepVerifier.create(adapter(base()).delete(VOLUME)).verifyComplete();
        refuse(404, "{\"code\":\"not-found\"}");
        StepVerifier.create(adapter(base()).delete(VOLUME)).verifyComplete();
        refuse(409, "{\"code\":\"conflict\",\"detail\":\"attached\"}");
        StepVerifier.create(adapter(base()).delete(VOLUME)).expectError(BootVolumeUnavailableException.class)
                .verify();
        assertThat(calls).hasSize(3).allSatisfy(call -> assertThat(call)
                .startsWith("DELETE /internal/v1/volumes/" + VOLUME + " Bearer tok"));
    }

    private void refuse(int newStatus, String newBody) {
        status = newStatus;
        body = newBody;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static BootVolumes adapter(String base) {
        return BootVolumeClientConfiguration.create(new StorageClientProperties(base, base + "/token",
                "voidvm-platform", "s3cret", Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    private static void respond(HttpExchange exchange, int code, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", code >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
