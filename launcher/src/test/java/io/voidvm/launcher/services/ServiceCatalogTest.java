package io.voidvm.launcher.services;

import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.infra.Infra;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCatalogTest {

    private final DataHome home = new DataHome(temporaryRoot());

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("voidvm-catalog");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theLocalNodeAgentBootsTheMarkerTestDisk() throws IOException {
        ServiceSpec agent = ServiceCatalog.local(home).getLast();
        Path disk = Path.of(agent.environment().get("VOIDVM_NODEAGENT_TESTDISKPATH"));
        assertThat(disk).isRegularFile().startsWithRaw(home.root());
        assertThat(Files.size(disk)).isEqualTo(1024 * 1024);
    }

    @Test
    void theDefaultStoragePoolLivesOnTheLocalNodeAgent() {
        ServiceSpec storage = ServiceCatalog.local(home).stream()
                .filter(service -> service.name().equals("storage-service")).findFirst().orElseThrow();
        ServiceSpec agent = ServiceCatalog.local(home).getLast();
        assertThat(storage.environment().get("VOIDVM_STORAGE_DEFAULTPOOL_NODENAME"))
                .isEqualTo(agent.environment().get("VOIDVM_NODEAGENT_NODENAME"))
                .isEqualTo(ServiceCatalog.NODE_NAME);
    }

    @Test
    void imageServiceSeedsTheMarkerDiskAsQcow2() throws IOException {
        ServiceSpec images = ServiceCatalog.local(home).get(3);
        assertThat(images.name()).isEqualTo("image-service");
        Path seeds = Path.of(images.environment().get("VOIDVM_IMAGE_SEEDDIR"));
        Path seed = seeds.resolve(ServiceCatalog.SEED_IMAGE + ".qcow2");
        assertThat(seed).isRegularFile().startsWithRaw(home.root());
        byte[] magic = new byte[4];
        try (var in = Files.newInputStream(seed)) {
            assertThat(in.read(magic)).isEqualTo(4);
        }
        assertThat(magic).as("a qcow2 header").containsExactly('Q', 'F', 'I', (byte) 0xfb);
        try (var files = Files.list(seeds)) {
            assertThat(files.toList()).as("only the qcow2 is seeded").containsExactly(seed);
        }
    }

    @Test
    void everyServiceOnItsDocumentedPort() {
        assertThat(ServiceCatalog.local(home)).extracting(ServiceSpec::name, ServiceSpec::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("gateway-service", 8080),
                org.assertj.core.groups.Tuple.tuple("vm-service", 8081),
                org.assertj.core.groups.Tuple.tuple("auth-service", 8082),
                org.assertj.core.groups.Tuple.tuple("image-service", 8083),
                org.assertj.core.groups.Tuple.tuple("network-service", 8084),
                org.assertj.core.groups.Tuple.tuple("storage-service", 8085),
                org.assertj.core.groups.Tuple.tuple("monitoring-service", 8086),
                org.assertj.core.groups.Tuple.tuple("node-agent", 8087));
    }

    @Test
    void servicesBindLoopbackAndKeepDataUnderTheDataDir() {
        for (ServiceSpec service : ServiceCatalog.local(home)) {
            assertThat(service.environment()).containsEntry("SERVER_ADDRESS", "127.0.0.1");
            service.environment().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("DIR") || entry.getKey().equals("VOIDVM_HOME"))
                    .forEach(entry -> assertThat(Path.of(entry.getValue())).startsWithRaw(home.root()));
        }
    }

    @Test
    void theGatewayWaitsForKeycloakAndEveryServiceForKafka() {
        ServiceSpec gateway = ServiceCatalog.local(home).getFirst();

        assertThat(gateway.needs()).contains(Infra.KEYCLOAK);
        assertThat(ServiceCatalog.local(home).stream().skip(1))
                .allSatisfy(service -> assertThat(service.needs()).contains(Infra.KAFKA));
    }

    @Test
    void vmServiceAsksTheLocalAuthServiceAboutQuotasOnceKeycloakIsUp() {
        ServiceSpec vm = ServiceCatalog.local(home).get(1);
        ServiceSpec auth = ServiceCatalog.local(home).get(2);

        assertThat(auth.name()).isEqualTo("auth-service");
        assertThat(vm.environment()).containsEntry("VOIDVM_VM_QUOTA_AUTHSERVICEURL", "http://127.0.0.1:" + auth.port());
        assertThat(vm.needs()).contains(Infra.KEYCLOAK);
    }

    @Test
    void imageServiceChecksTenantImageQuotasWithTheLocalAuthService() {
        ServiceSpec auth = ServiceCatalog.local(home).get(2);
        ServiceSpec images = ServiceCatalog.local(home).stream()
                .filter(service -> service.name().equals(ServiceCatalog.IMAGE_SERVICE)).findFirst().orElseThrow();

        assertThat(images.environment()).containsEntry("VOIDVM_IMAGE_QUOTA_URL", "http://127.0.0.1:" + auth.port());
    }

    @Test
    void jarAndReadinessFollowTheModuleName() {
        ServiceSpec vm = ServiceCatalog.local(home).get(1);

        assertThat(vm.jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/vm-service/target/vm-service.jar"));
        assertThat(vm.readiness()).hasToString("http://127.0.0.1:8081/actuator/health/readiness");
    }

    @Test
    void jvmOptionsAreSmallAndNameTheDataDir() {
        ServiceSpec vm = ServiceCatalog.local(home).get(1);

        AppImage image = new AppImage(Path.of("/r/vm.jar"), Path.of("/c/cds.jsa"));
        List<String> on21 = JvmOptions.command(Path.of("/jdk/bin/java"), 21, vm, image, home.root());
        List<String> on25 = JvmOptions.command(Path.of("/jdk/bin/java"), 25, vm, image, home.root());

        assertThat(on21).startsWith("/jdk/bin/java").contains("-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dvoidvm.stack=" + home.root() + "/", "-XX:SharedArchiveFile=/c/cds.jsa").endsWith("-jar", "/r/vm.jar", "--server.port=8081");
        assertThat(on21).doesNotContain("--sun-misc-unsafe-memory-access=allow");
        assertThat(on25).contains("--sun-misc-unsafe-memory-access=allow");
    }
}
