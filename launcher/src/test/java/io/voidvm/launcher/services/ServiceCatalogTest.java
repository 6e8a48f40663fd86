package io.voidvm.launcher.services;

import io.voidvm.launcher.cli.CommandLine;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.infra.Infra;
import io.voidvm.launcher.ports.PortCheck;
import io.voidvm.launcher.ports.PortClaim;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        ServiceSpec agent = ServiceCatalog.local(home, 1).getLast();
        Path disk = Path.of(agent.environment().get("VOIDVM_NODEAGENT_TESTDISKPATH"));
        assertThat(disk).as("the catalog only computes").doesNotExist();

        ServiceCatalog.prepare(home, 1);

        assertThat(disk).isRegularFile().startsWithRaw(home.root());
        assertThat(Files.size(disk)).isEqualTo(1024 * 1024);
    }

    @Test
    void aSecondNodeAgentRunsTheSameJarWithItsOwnNameStateDirPortAndTestDisk() throws IOException {
        List<ServiceSpec> stack = ServiceCatalog.local(home, 2);
        ServiceSpec first = stack.get(stack.size() - 2);
        ServiceSpec second = stack.getLast();
        ServiceCatalog.prepare(home, 2);

        assertThat(first).extracting(ServiceSpec::name, ServiceSpec::module, ServiceSpec::port)
                .containsExactly("node-agent", "node-agent", 8087);
        assertThat(second).extracting(ServiceSpec::name, ServiceSpec::module, ServiceSpec::port)
                .containsExactly("node-agent-2", "node-agent", 8088);
        assertThat(second.jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/node-agent/target/node-agent.jar"));
        assertThat(first.environment()).containsEntry("VOIDVM_NODEAGENT_NODENAME", "local")
                .containsEntry("VOIDVM_NODEAGENT_STATEDIR", home.serviceData("node-agent").toString());
        assertThat(second.environment()).containsEntry("VOIDVM_NODEAGENT_NODENAME", "local-2")
                .containsEntry("VOIDVM_NODEAGENT_STATEDIR", home.serviceData("node-agent-2").toString());
        Path secondDisk = Path.of(second.environment().get("VOIDVM_NODEAGENT_TESTDISKPATH"));
        assertThat(secondDisk).isRegularFile().startsWithRaw(home.serviceData("node-agent-2"));
        assertThat(Files.size(secondDisk)).isEqualTo(1024 * 1024);
        assertThat(stack.stream().filter(spec -> spec.name().equals("storage-service")).findFirst().orElseThrow()
                .environment()).as("the default pool stays on the first node")
                .containsEntry("VOIDVM_STORAGE_DEFAULTPOOL_NODENAME", "local");
    }

    @Test
    void nodeNamesAreDnsLabelsAndPortsStayOutOfTheOtherComponentsWay() {
        List<ServiceSpec> largest = ServiceCatalog.local(home, CommandLine.MAX_NODES);
        List<PortClaim> claims = new ArrayList<>(largest.stream().map(ServiceSpec::portClaim).toList());
        for (Infra infra : Infra.values()) {
            claims.addAll(infra.ports());
        }

        assertThat(PortCheck.conflicts(claims, port -> true)).isEmpty();
        for (int node = 1; node <= CommandLine.MAX_NODES; node++) {
            assertThat(ServiceCatalog.nodeName(node)).matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
        }
        assertThat(largest.stream().filter(spec -> spec.module().equals("node-agent")).map(ServiceSpec::port))
                .containsExactly(8087, 8088, 8089, 8090);
    }

    @Test
    void theDefaultStoragePoolLivesOnTheLocalNodeAgent() {
        ServiceSpec storage = ServiceCatalog.local(home, 1).stream()
                .filter(service -> service.name().equals("storage-service")).findFirst().orElseThrow();
        ServiceSpec agent = ServiceCatalog.local(home, 1).getLast();
        assertThat(storage.environment().get("VOIDVM_STORAGE_DEFAULTPOOL_NODENAME"))
                .isEqualTo(agent.environment().get("VOIDVM_NODEAGENT_NODENAME"))
                .isEqualTo(ServiceCatalog.NODE_NAME);
    }

    @Test
    void imageServiceSeedsTheMarkerDiskAsQcow2() throws IOException {
        ServiceCatalog.prepare(home, 1);
        ServiceSpec images = ServiceCatalog.local(home, 1).get(3);
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
        assertThat(ServiceCatalog.local(home, 1)).extracting(ServiceSpec::name, ServiceSpec::port).containsExactly(
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
        for (ServiceSpec service : ServiceCatalog.local(home, 1)) {
            assertThat(service.environment()).containsEntry("SERVER_ADDRESS", "127.0.0.1");
            service.environment().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("DIR") || entry.getKey().equals("VOIDVM_HOME"))
                    .forEach(entry -> assertThat(Path.of(entry.getValue())).startsWithRaw(home.root()));
        }
    }

    @Test
    void theGatewayWaitsForKeycloakAndEveryServiceForKafka() {
        ServiceSpec gateway = ServiceCatalog.local(home, 1).getFirst();

        assertThat(gateway.needs()).contains(Infra.KEYCLOAK);
        assertThat(ServiceCatalog.local(home, 1).stream().skip(1))
                .allSatisfy(service -> assertThat(service.needs()).contains(Infra.KAFKA));
    }

    @Test
    void vmServiceAsksTheLocalAuthServiceAboutQuotasOnceKeycloakIsUp() {
        ServiceSpec vm = ServiceCatalog.local(home, 1).get(1);
        ServiceSpec auth = ServiceCatalog.local(home, 1).get(2);

        assertThat(auth.name()).isEqualTo("auth-service");
        assertThat(vm.environment()).containsEntry("VOIDVM_VM_QUOTA_AUTHSERVICEURL", "http://127.0.0.1:" + auth.port());
        assertThat(vm.needs()).contains(Infra.KEYCLOAK);
    }

    @Test
    void imageServiceChecksTenantImageQuotasWithTheLocalAuthService() {
        ServiceSpec auth = ServiceCatalog.local(home, 1).get(2);
        ServiceSpec images = ServiceCatalog.local(home, 1).stream()
                .filter(service -> service.name().equals(ServiceCatalog.IMAGE_SERVICE)).findFirst().orElseThrow();

        assertThat(images.environment()).containsEntry("VOIDVM_IMAGE_QUOTA_URL", "http://127.0.0.1:" + auth.port());
    }

    @Test
    void jarAndReadinessFollowTheModuleName() {
        ServiceSpec vm = ServiceCatalog.local(home, 1).get(1);

        assertThat(vm.jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/vm-service/target/vm-service.jar"));
        assertThat(vm.readiness()).hasToString("http://127.0.0.1:8081/actuator/health/readiness");
    }

    @Test
    void jvmOptionsAreSmallAndNameTheDataDir() {
        ServiceSpec vm = ServiceCatalog.local(home, 1).get(1);

        AppImage image = new AppImage(Path.of("/r/vm.jar"), Path.of("/c/cds.jsa"));
        List<String> on21 = JvmOptions.command(Path.of("/jdk/bin/java"), 21, vm, image, home.root());
        List<String> on25 = JvmOptions.command(Path.of("/jdk/bin/java"), 25, vm, image, home.root());

        assertThat(on21).startsWith("/jdk/bin/java").contains("-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dvoidvm.stack=" + home.root() + "/", "-XX:SharedArchiveFile=/c/cds.jsa").endsWith("-jar", "/r/vm.jar", "--server.port=8081");
        assertThat(on21).doesNotContain("--sun-misc-unsafe-memory-access=allow");
        assertThat(on25).contains("--sun-misc-unsafe-memory-access=allow");
    }
}
